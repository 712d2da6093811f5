import soqlParser, { type FieldType, type OrderByClause, type Query } from "soql-parser-js";
import type { SfRecord, SfValue } from "../state/salesforce-state.js";
import { findSObjectType } from "../model/sobject-registry.js";
import type { RecordSource } from "../model/sobject-records.js";
import { readField, type SObjectDescriptor } from "../model/sobject-type.js";
import { followLookup, resolveFieldPath, valueAtPath, type FieldPath } from "./field-path.js";
import { compileWhere, kindOf, toComparable } from "./filter.js";
import { malformedQuery, unknownSObject } from "./query-errors.js";
import { buildWhereTree } from "./where-tree.js";

/** `attributes` of every record in a REST response. */
export interface RecordAttributes {
  type: string;
  url: string;
}

/** A record as the query resource returns it: `attributes`, then the selected fields. */
export interface QueryRecord {
  attributes: RecordAttributes;
  [field: string]: SfValue | RecordAttributes | QueryRecord;
}

/** Response of `GET /services/data/vXX.X/query?q=`. Everything fits in one batch, so `done` is true. */
export interface QueryResult {
  totalSize: number;
  done: true;
  records: QueryRecord[];
}

/**
 * Parses `soql` with soql-parser-js and evaluates it over `source`: field lists including parent
 * relationship fields (`Account.Name` from Contact), WHERE (= != < > <= >= IN, NOT IN, LIKE,
 * AND/OR/NOT, null tests), ORDER BY (ASC/DESC, NULLS FIRST/LAST; by default nulls first
 * ascending and last descending), LIMIT, OFFSET and `SELECT COUNT()`.
 * `apiVersion` (e.g. `"62.0"`) goes into the records' `attributes.url`.
 * Source: SOQL and SOSL Reference; REST API Developer Guide, "Query".
 * @throws SalesforceApiError 400 `MALFORMED_QUERY` (syntax, or a construct the sandbox does not
 *   evaluate: sub-queries, aggregates other than COUNT(), GROUP BY, date literals),
 *   `INVALID_TYPE` (unknown sObject), `INVALID_FIELD` (unknown field or relationship, wrong literal type).
 */
export function runQuery(soql: string, source: RecordSource, apiVersion: string): QueryResult {
  const query = parse(soql);
  if (query.sObject === undefined) throw malformedQuery("a FROM clause is required");
  const type = findSObjectType(query.sObject);
  if (!type) throw unknownSObject(soql, query.sObject);
  if (query.groupBy !== undefined || query.having !== undefined) {
    throw malformedQuery("GROUP BY and HAVING are not supported by the sandbox");
  }
  const alias = query.sObjectAlias;
  const fields = query.fields ?? [];
  const countOnly = isCountOnly(fields);
  const selected = countOnly ? [] : fields.map((field) => selectedPath(field, type, soql, alias));
  const filter = query.where
    ? compileWhere(buildWhereTree(query.where), type, source, soql, alias)
    : () => true;
  const ordering = orderingOf(query.orderBy, type, source, soql, alias);

  const matching = source.list(type.name).filter(filter);
  const sorted = ordering ? [...matching].sort(ordering) : matching;
  const offset = query.offset ?? 0;
  const page = sorted.slice(offset, query.limit === undefined ? undefined : offset + query.limit);
  if (countOnly) return { totalSize: page.length, done: true, records: [] };
  return {
    totalSize: page.length,
    done: true,
    records: page.map((record) => shape(record, type, selected, source, apiVersion)),
  };
}

/** The URL of a record in REST responses. */
export function recordUrl(apiVersion: string, typeName: string, id: SfValue): string {
  return `/services/data/v${apiVersion}/sobjects/${typeName}/${String(id)}`;
}

function parse(soql: string): Query {
  try {
    return soqlParser.parseQuery(soql);
  } catch (error) {
    const detail =
      error instanceof Error ? (error.message.split("\n")[0] ?? error.message) : String(error);
    throw malformedQuery(`\n${soql}\nERROR at Row:1:Column:1\n${detail}`);
  }
}

function isCountOnly(fields: readonly FieldType[]): boolean {
  const [first] = fields;
  return (
    fields.length === 1 &&
    first?.type === "FieldFunctionExpression" &&
    first.functionName.toUpperCase() === "COUNT" &&
    first.parameters.length === 0
  );
}

function selectedPath(
  field: FieldType,
  type: SObjectDescriptor,
  soql: string,
  alias: string | undefined,
): FieldPath {
  switch (field.type) {
    case "Field":
      return resolveFieldPath(type, field.field, soql, alias);
    case "FieldRelationship":
      return resolveFieldPath(type, [...field.relationships, field.field].join("."), soql, alias);
    case "FieldFunctionExpression":
      throw malformedQuery(
        `function ${field.functionName} is not supported by the sandbox (only SELECT COUNT())`,
      );
    case "FieldSubquery":
      throw malformedQuery("relationship sub-queries are not supported by the sandbox");
    case "FieldTypeof":
      throw malformedQuery("TYPEOF is not supported by the sandbox");
  }
}

function orderingOf(
  orderBy: OrderByClause | OrderByClause[] | undefined,
  type: SObjectDescriptor,
  source: RecordSource,
  soql: string,
  alias: string | undefined,
): ((a: SfRecord, b: SfRecord) => number) | undefined {
  if (orderBy === undefined) return undefined;
  const clauses = Array.isArray(orderBy) ? orderBy : [orderBy];
  const keys = clauses.map((clause) => {
    if (!("field" in clause))
      throw malformedQuery("ORDER BY functions are not supported by the sandbox");
    const path = resolveFieldPath(type, clause.field, soql, alias);
    const descending = clause.order === "DESC";
    const nullsFirst = clause.nulls === undefined ? !descending : clause.nulls === "FIRST";
    const kind = kindOf(path.field);
    return {
      read: (record: SfRecord) => toComparable(kind, valueAtPath(record, path, source)),
      descending,
      nullsFirst,
    };
  });
  return (a, b) => {
    for (const key of keys) {
      const left = key.read(a);
      const right = key.read(b);
      if (left === right) continue;
      if (left === null) return key.nullsFirst ? -1 : 1;
      if (right === null) return key.nullsFirst ? 1 : -1;
      const order = left < right ? -1 : 1;
      return key.descending ? -order : order;
    }
    return 0;
  };
}

function shape(
  record: SfRecord,
  type: SObjectDescriptor,
  selected: readonly FieldPath[],
  source: RecordSource,
  apiVersion: string,
): QueryRecord {
  const out: QueryRecord = {
    attributes: { type: type.name, url: recordUrl(apiVersion, type.name, record.Id ?? null) },
  };
  for (const path of selected) {
    let container = out;
    let current: SfRecord | undefined = record;
    for (const hop of path.hops) {
      const relationship = hop.lookup.relationshipName ?? hop.lookup.name;
      const parent: SfRecord | undefined = followLookup(current, hop, source);
      const existing = container[relationship];
      if (!parent) {
        if (existing === undefined) container[relationship] = null;
        current = undefined;
        break;
      }
      if (
        existing === undefined ||
        existing === null ||
        typeof existing !== "object" ||
        !("attributes" in existing)
      ) {
        const nested: QueryRecord = {
          attributes: {
            type: hop.parentType.name,
            url: recordUrl(apiVersion, hop.parentType.name, parent.Id ?? null),
          },
        };
        container[relationship] = nested;
        container = nested;
      } else {
        container = existing as QueryRecord;
      }
      current = parent;
    }
    if (current) container[path.field.name] = readField(path.field, current);
  }
  return out;
}
