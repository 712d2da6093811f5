import type { FieldType, Query } from "soql-parser-js";
import type { RecordSource } from "../model/sobject-records.js";
import type { SObjectDescriptor } from "../model/sobject-type.js";
import type { SfRecord, SfValue } from "../state/salesforce-state.js";
import { resolveFieldPath, valueAtPath, type FieldPath } from "./field-path.js";
import { kindOf, toComparable } from "./filter.js";
import { malformedQuery, notGrouped, unsupportedAggregate } from "./query-errors.js";
import type { QueryRecord } from "./run-query.js";

/** One output column of an aggregate query. */
type Column =
  | { readonly kind: "group"; readonly name: string; readonly path: FieldPath }
  | {
      readonly kind: "aggregate";
      readonly name: string;
      readonly fn: string;
      /** null for COUNT() without a field. */
      readonly path: FieldPath | null;
    };

const NUMERIC = new Set(["int", "double", "currency"]);

/**
 * Evaluates an aggregate query over the records that passed WHERE: groups by the GROUP BY
 * fields (text compared case-insensitively, as SOQL does), one `AggregateResult` row per group
 * (one row in all without GROUP BY), with the grouped fields under their names and each
 * aggregate under its alias or `expr0`, `expr1`… in order. COUNT and COUNT_DISTINCT count
 * non-null values; SUM and AVG take number fields; MIN and MAX any comparable field. Rows are
 * ordered by ORDER BY on grouped fields or aggregates, then cut by OFFSET and LIMIT.
 * Source: SOQL and SOSL Reference, "Aggregate Functions", "GROUP BY", "Using Aliases with GROUP BY".
 * @throws SalesforceApiError `MALFORMED_QUERY` for a field neither grouped nor aggregated,
 *   `INVALID_FIELD` for SUM/AVG on a non-number field and unknown fields.
 */
export function aggregate(
  query: Query,
  type: SObjectDescriptor,
  records: readonly SfRecord[],
  source: RecordSource,
  soql: string,
  alias: string | undefined,
): QueryRecord[] {
  const groupBy = query.groupBy === undefined ? [] : [query.groupBy].flat();
  const groupPaths = groupBy.map((clause) => {
    if (!("field" in clause) || clause.field === undefined) {
      throw malformedQuery("GROUP BY functions are not supported by the sandbox");
    }
    return resolveFieldPath(type, clause.field, soql, alias);
  });
  let unnamed = 0;
  const columns: Column[] = (query.fields ?? []).map((field) => {
    const column = toColumn(field, type, groupPaths, soql, alias, () => `expr${unnamed++}`);
    return column;
  });

  const groups = new Map<string, SfRecord[]>();
  for (const record of records) {
    const key = JSON.stringify(
      groupPaths.map((path) => toComparable(kindOf(path.field), valueAtPath(record, path, source))),
    );
    const members = groups.get(key);
    if (members) members.push(record);
    else groups.set(key, [record]);
  }
  if (groupPaths.length === 0 && groups.size === 0) groups.set("[]", []);

  let rows = [...groups.values()].map((members) => {
    const row: QueryRecord = { attributes: { type: "AggregateResult" } };
    for (const column of columns) {
      row[column.name] =
        column.kind === "group"
          ? members[0] === undefined
            ? null
            : valueAtPath(members[0], column.path, source)
          : evaluate(column, members, source);
    }
    return row;
  });
  rows = orderRows(rows, query, columns, soql);
  const offset = query.offset ?? 0;
  return rows.slice(offset, query.limit === undefined ? undefined : offset + query.limit);
}

function toColumn(
  field: FieldType,
  type: SObjectDescriptor,
  groupPaths: readonly FieldPath[],
  soql: string,
  alias: string | undefined,
  nextName: () => string,
): Column {
  if (field.type === "FieldFunctionExpression" && field.isAggregateFn === true) {
    const fn = field.functionName.toUpperCase();
    const [parameter] = field.parameters;
    if (parameter !== undefined && typeof parameter !== "string") {
      throw malformedQuery("nested functions are not supported by the sandbox");
    }
    const path = parameter === undefined ? null : resolveFieldPath(type, parameter, soql, alias);
    if (path === null && fn !== "COUNT") throw malformedQuery(`${fn}() needs a field`);
    if ((fn === "SUM" || fn === "AVG") && path !== null && !NUMERIC.has(path.field.type)) {
      throw unsupportedAggregate(soql, parameter ?? "", fn);
    }
    return { kind: "aggregate", name: field.alias ?? nextName(), fn, path };
  }
  if (field.type === "Field" || field.type === "FieldRelationship") {
    const reference =
      field.type === "Field" ? field.field : [...field.relationships, field.field].join(".");
    const path = resolveFieldPath(type, reference, soql, alias);
    const grouped = groupPaths.some(
      (group) =>
        group.field === path.field &&
        group.hops.map((hop) => hop.lookup.name).join(".") ===
          path.hops.map((hop) => hop.lookup.name).join("."),
    );
    if (!grouped) throw notGrouped(soql, reference);
    return {
      kind: "group",
      name: ("alias" in field ? field.alias : undefined) ?? path.field.name,
      path,
    };
  }
  throw malformedQuery("only fields and aggregate functions may be selected in an aggregate query");
}

function evaluate(
  column: Extract<Column, { kind: "aggregate" }>,
  members: readonly SfRecord[],
  source: RecordSource,
): SfValue {
  if (column.path === null) return members.length;
  const path = column.path;
  const values = members
    .map((record) => valueAtPath(record, path, source))
    .filter((value): value is Exclude<SfValue, null> => value !== null);
  switch (column.fn) {
    case "COUNT":
      return values.length;
    case "COUNT_DISTINCT":
      return new Set(values.map((value) => toComparable(kindOf(path.field), value))).size;
    case "SUM":
      return values.length === 0 ? null : values.reduce<number>((sum, v) => sum + Number(v), 0);
    case "AVG":
      return values.length === 0
        ? null
        : values.reduce<number>((sum, v) => sum + Number(v), 0) / values.length;
    case "MIN":
    case "MAX": {
      if (values.length === 0) return null;
      const kind = kindOf(path.field);
      return values.reduce((best, value) => {
        const better =
          column.fn === "MIN"
            ? (toComparable(kind, value) ?? 0) < (toComparable(kind, best) ?? 0)
            : (toComparable(kind, value) ?? 0) > (toComparable(kind, best) ?? 0);
        return better ? value : best;
      });
    }
    default:
      throw malformedQuery(`aggregate function ${column.fn} is not supported by the sandbox`);
  }
}

function orderRows(
  rows: QueryRecord[],
  query: Query,
  columns: readonly Column[],
  soql: string,
): QueryRecord[] {
  if (query.orderBy === undefined) return rows;
  const clauses = Array.isArray(query.orderBy) ? query.orderBy : [query.orderBy];
  const keys = clauses.map((clause) => {
    const wanted =
      "field" in clause && clause.field !== undefined
        ? clause.field.toLowerCase()
        : "fn" in clause && clause.fn !== undefined
          ? clause.fn.rawValue?.toLowerCase()
          : undefined;
    const column = columns.find(
      (candidate) =>
        candidate.name.toLowerCase() === wanted ||
        (candidate.kind === "aggregate" &&
          `${candidate.fn}(${candidate.path?.field.name ?? ""})`.toLowerCase() === wanted) ||
        (candidate.kind === "group" &&
          candidate.path.field.name.toLowerCase() === wanted?.split(".").at(-1)),
    );
    if (!column) throw notGrouped(soql, wanted ?? "ORDER BY");
    return { name: column.name, descending: clause.order === "DESC" };
  });
  return [...rows].sort((a, b) => {
    for (const key of keys) {
      const left = comparable(a[key.name]);
      const right = comparable(b[key.name]);
      if (left === right) continue;
      if (left === null) return key.descending ? 1 : -1;
      if (right === null) return key.descending ? -1 : 1;
      return (left < right ? -1 : 1) * (key.descending ? -1 : 1);
    }
    return 0;
  });
}

function comparable(value: QueryRecord[string] | undefined): string | number | boolean | null {
  if (value === undefined || value === null) return null;
  if (typeof value === "string") return value.toLowerCase();
  if (typeof value === "number" || typeof value === "boolean") return value;
  return null;
}
