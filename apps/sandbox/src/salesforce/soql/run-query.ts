import type { raw } from "@portal/salesforce";
import soqlParser, {
  type FieldType,
  type OrderByClause,
  type Query,
  type Subquery,
} from "soql-parser-js";
import { sameRecordId } from "../model/record-id.js";
import { findSObjectType, SOBJECT_TYPES } from "../model/sobject-registry.js";
import type { RecordSource } from "../model/sobject-records.js";
import {
  readField,
  type SfFieldDescriptor,
  type SObjectDescriptor,
} from "../model/sobject-type.js";
import type { SfRecord, SfValue } from "../state/salesforce-state.js";
import { aggregate } from "./aggregate.js";
import { followLookup, resolveFieldPath, valueAtPath, type FieldPath } from "./field-path.js";
import { kindOf, toComparable } from "./comparison.js";
import { compileWhere, type FilterScope } from "./filter.js";
import {
  malformedAt,
  malformedQuery,
  offsetOutOfRange,
  unknownChildRelationship,
  unknownSObject,
} from "./query-errors.js";
import { buildWhereTree } from "./where-tree.js";

/** `attributes` of every record in a REST response (`AggregateResult` rows have no `url`). */
export type RecordAttributes = raw.RawRecordAttributes | raw.RawAggregateResultAttributes;

/** A record as the query resource returns it: `attributes`, then the selected fields. */
export interface QueryRecord {
  attributes: RecordAttributes;
  [field: string]: SfValue | RecordAttributes | QueryRecord | ChildRecords;
}

/** A parent-to-child sub-query's rows inside a parent record (null when it has none). */
export type ChildRecords = raw.RawQueryResult<QueryRecord>;

/** Every row of a query (the query resource splits them into batches). */
export type QueryResult = raw.RawQueryResult<QueryRecord>;

/** How to run a query: `includeDeleted` for `queryAll` (records in the Recycle Bin too); `now` anchors date literals. */
export interface QueryOptions {
  readonly includeDeleted?: boolean;
  readonly now: Date;
}

/** Every row of a query, and whether it used OFFSET (then only its first batch is returned). */
export interface QueryAnswer extends QueryResult {
  readonly offset: boolean;
}

/** The largest OFFSET Salesforce accepts. Source: SOQL and SOSL Reference, "OFFSET". */
const MAX_OFFSET = 2000;

/**
 * Parses `soql` with soql-parser-js and evaluates it over `source`: field lists including parent
 * relationship fields (`Account.Name` from Contact) and parent-to-child sub-queries
 * (`(SELECT LastName FROM Contacts)`, with their own WHERE, ORDER BY, LIMIT and OFFSET), WHERE
 * (see `compileWhere`: comparisons, IN / NOT IN lists, LIKE, AND/OR/NOT, null tests, date and
 * datetime literals, date literals such as `TODAY` or `LAST_N_DAYS:7`, semi-joins and
 * anti-joins), ORDER BY (ASC/DESC, NULLS FIRST/LAST; by default nulls first ascending and last
 * descending), LIMIT, OFFSET (at most 2,000; in a sub-query only under a parent LIMIT 1),
 * `SELECT COUNT()`, and aggregate functions (COUNT, COUNT_DISTINCT, SUM, AVG, MIN, MAX) with or
 * without GROUP BY and HAVING, answered as `AggregateResult` rows with `expr0`, `expr1`… for
 * unaliased aggregates. TYPEOF is refused: it applies to polymorphic relationship fields, and no
 * modelled object has one. `apiVersion` (e.g. `"62.0"`) goes into the records' `attributes.url`.
 * Source: SOQL and SOSL Reference ("Comparison Operators", "Date Formats and Date Literals in
 * WHERE", "Aggregate Functions", "GROUP BY", "HAVING", "ORDER BY", "LIMIT", "OFFSET",
 * "Relationship Queries"); REST API Developer Guide, "Query", "QueryAll".
 * @throws SalesforceApiError 400 `MALFORMED_QUERY` (syntax; a field neither grouped nor
 *   aggregated; semi-join rules; TYPEOF; OFFSET in a sub-query without a parent LIMIT 1),
 *   `NUMBER_OUTSIDE_VALID_RANGE` (OFFSET above 2,000), `INVALID_TYPE` (unknown sObject),
 *   `INVALID_FIELD` (unknown field or relationship, a literal of the wrong type, e.g. a number
 *   compared with a text field or a date literal with a text field).
 */
export function runQuery(
  soql: string,
  source: RecordSource,
  apiVersion: string,
  options: QueryOptions,
): QueryAnswer {
  const query = parse(soql);
  if (query.sObject === undefined) throw malformedQuery("a FROM clause is required");
  const type = findSObjectType(query.sObject);
  if (!type) throw unknownSObject(soql, query.sObject);
  const alias = query.sObjectAlias;
  const fields = query.fields ?? [];
  const countOnly = isCountOnly(fields);
  const scope: FilterScope = { source, soql, now: options.now };
  checkOffset(query.offset, soql);
  const filter = query.where
    ? compileWhere(buildWhereTree(query.where), type, scope, alias)
    : () => true;
  const matching = source.list(type.name, options.includeDeleted).filter(filter);
  const offset = query.offset !== undefined;

  if (
    !countOnly &&
    (query.groupBy !== undefined || query.having !== undefined || fields.some(isAggregate))
  ) {
    const rows = aggregate(query, type, matching, scope, alias);
    return { totalSize: rows.length, done: true, records: rows, offset };
  }
  const selected = countOnly
    ? []
    : fields.map((field) =>
        selectedField(field, type, scope, alias, apiVersion, options, query.limit === 1),
      );
  const ordering = orderingOf(query.orderBy, type, source, soql, alias);
  const sorted = ordering ? [...matching].sort(ordering) : matching;
  const page = limitAndOffset(sorted, query.limit, query.offset);
  if (countOnly) return { totalSize: page.length, done: true, records: [], offset };
  return {
    totalSize: page.length,
    done: true,
    records: page.map((record) => shape(record, type, selected, source, apiVersion)),
    offset,
  };
}

/** The rows from OFFSET on, at most LIMIT of them. */
function limitAndOffset<T>(rows: readonly T[], limit: number | undefined, offset = 0): T[] {
  return rows.slice(offset, limit === undefined ? undefined : offset + limit);
}

/** @throws SalesforceApiError `NUMBER_OUTSIDE_VALID_RANGE` for an OFFSET above 2,000. */
function checkOffset(offset: number | undefined, soql: string): void {
  if (offset !== undefined && offset > MAX_OFFSET) throw offsetOutOfRange(soql, offset);
}

/** A selected column: a field path, or a child sub-query evaluated per parent record. */
type SelectedField =
  | { readonly kind: "path"; readonly path: FieldPath }
  | {
      readonly kind: "children";
      readonly name: string;
      readonly rows: (parent: SfRecord) => ChildRecords | null;
    };

function isAggregate(field: FieldType): boolean {
  return field.type === "FieldFunctionExpression" && field.isAggregateFn === true;
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

function selectedField(
  field: FieldType,
  type: SObjectDescriptor,
  scope: FilterScope,
  alias: string | undefined,
  apiVersion: string,
  options: QueryOptions,
  parentLimitedToOne: boolean,
): SelectedField {
  const { soql } = scope;
  switch (field.type) {
    case "Field":
      return { kind: "path", path: resolveFieldPath(type, field.field, soql, alias) };
    case "FieldRelationship":
      return {
        kind: "path",
        path: resolveFieldPath(type, [...field.relationships, field.field].join("."), soql, alias),
      };
    case "FieldFunctionExpression":
      throw malformedQuery(
        `function ${field.functionName} is not supported by the sandbox outside aggregate queries`,
      );
    case "FieldSubquery":
      return childQuery(field.subquery, type, scope, apiVersion, options, parentLimitedToOne);
    case "FieldTypeof":
      throw malformedAt(
        soql,
        "TYPEOF",
        `TYPEOF needs a polymorphic relationship field, and '${field.field}' on ${type.name} is not one`,
      );
  }
}

/**
 * A parent-to-child sub-query (`(SELECT LastName FROM Contacts WHERE … ORDER BY … LIMIT n)`):
 * the child type is the one whose lookup to `parent` has that child relationship name.
 * @throws SalesforceApiError `INVALID_TYPE` for an unknown child relationship, and the errors
 *   of the sub-query's own fields and filters.
 */
function childQuery(
  subquery: Subquery,
  parent: SObjectDescriptor,
  scope: FilterScope,
  apiVersion: string,
  options: QueryOptions,
  parentLimitedToOne: boolean,
): SelectedField {
  const { source, soql } = scope;
  if (subquery.offset !== undefined && !parentLimitedToOne) {
    throw malformedAt(
      soql,
      "OFFSET",
      "OFFSET is allowed in a sub-query only when the parent query has LIMIT 1",
    );
  }
  checkOffset(subquery.offset, soql);
  const wanted = subquery.relationshipName.toLowerCase();
  let child: SObjectDescriptor | undefined;
  let lookup: SfFieldDescriptor | undefined;
  for (const candidate of SOBJECT_TYPES) {
    const field = candidate.fields.find(
      (each) =>
        each.referenceTo === parent.name && each.childRelationshipName?.toLowerCase() === wanted,
    );
    if (field) {
      child = candidate;
      lookup = field;
      break;
    }
  }
  if (!child || !lookup?.childRelationshipName) {
    throw unknownChildRelationship(soql, subquery.relationshipName);
  }
  const childType = child;
  const lookupField = lookup;
  if ((subquery.fields ?? []).some(isAggregate)) {
    throw malformedQuery("aggregate functions are not allowed in a sub-query");
  }
  const selected = (subquery.fields ?? []).map((field) =>
    selectedField(field, childType, scope, undefined, apiVersion, options, false),
  );
  const filter = subquery.where
    ? compileWhere(buildWhereTree(subquery.where), childType, scope, undefined, false)
    : () => true;
  const ordering = orderingOf(subquery.orderBy, childType, source, soql, undefined);
  return {
    kind: "children",
    name: lookupField.childRelationshipName ?? subquery.relationshipName,
    rows: (parentRecord) => {
      const parentId = parentRecord.Id;
      const children = source
        .list(childType.name, options.includeDeleted)
        .filter(
          (record) =>
            typeof parentId === "string" &&
            typeof record[lookupField.name] === "string" &&
            sameRecordId(String(record[lookupField.name]), parentId),
        )
        .filter(filter);
      const sorted = ordering ? [...children].sort(ordering) : children;
      const page = limitAndOffset(sorted, subquery.limit, subquery.offset);
      if (page.length === 0) return null;
      return {
        totalSize: page.length,
        done: true,
        records: page.map((record) => shape(record, childType, selected, source, apiVersion)),
      };
    },
  };
}

export function orderingOf(
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
  selected: readonly SelectedField[],
  source: RecordSource,
  apiVersion: string,
): QueryRecord {
  const out: QueryRecord = {
    attributes: { type: type.name, url: recordUrl(apiVersion, type.name, record.Id ?? null) },
  };
  for (const column of selected) {
    if (column.kind === "children") {
      out[column.name] = column.rows(record);
      continue;
    }
    const path = column.path;
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
