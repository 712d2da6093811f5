import type { FieldType, FunctionExp, Query } from "soql-parser-js";
import type { RecordSource } from "../model/sobject-records.js";
import type { SfFieldDescriptor, SObjectDescriptor } from "../model/sobject-type.js";
import type { SfRecord, SfValue } from "../state/salesforce-state.js";
import { resolveFieldPath, valueAtPath, type FieldPath } from "./field-path.js";
import { comparisonTest, kindOf, operandsOf, toComparable, type Kind } from "./comparison.js";
import type { FilterScope } from "./filter.js";
import { malformedQuery, notGrouped, unsupportedAggregate } from "./query-errors.js";
import type { QueryRecord } from "./run-query.js";
import { buildWhereTree, type WhereNode } from "./where-tree.js";

/** An aggregate function over a field (`SUM(Amount)`), or `COUNT()` with a null path. */
interface AggregateCall {
  readonly fn: string;
  readonly path: FieldPath | null;
}

/** One output column of an aggregate query. */
type Column =
  | { readonly kind: "group"; readonly name: string; readonly path: FieldPath }
  | ({ readonly kind: "aggregate"; readonly name: string } & AggregateCall);

/** A compiled HAVING clause: true when the group's rows pass. */
type GroupFilter = (members: readonly SfRecord[]) => boolean;

const NUMERIC = new Set(["int", "double", "currency"]);

/**
 * Evaluates an aggregate query over the records that passed WHERE: groups by the GROUP BY
 * fields (text compared case-insensitively, as SOQL does), one `AggregateResult` row per group
 * (one row in all without GROUP BY), with the grouped fields under their names and each
 * aggregate under its alias or `expr0`, `expr1`… in order. COUNT and COUNT_DISTINCT count
 * non-null values; SUM and AVG take number fields; MIN and MAX any comparable field. HAVING
 * keeps the groups whose aggregates (selected or not) and grouped fields pass its conditions,
 * with literals type-checked as in WHERE. Rows are ordered by ORDER BY on grouped fields or
 * aggregates (NULLS FIRST/LAST honoured), then cut by OFFSET and LIMIT.
 * Source: SOQL and SOSL Reference, "Aggregate Functions", "GROUP BY", "HAVING", "Using Aliases
 * with GROUP BY".
 * @throws SalesforceApiError `MALFORMED_QUERY` for a field neither grouped nor aggregated (in
 *   SELECT, HAVING or ORDER BY), `INVALID_FIELD` for SUM/AVG on a non-number field, unknown fields
 *   and literals of the wrong type.
 */
export function aggregate(
  query: Query,
  type: SObjectDescriptor,
  records: readonly SfRecord[],
  scope: FilterScope,
  alias: string | undefined,
): QueryRecord[] {
  const { source, soql } = scope;
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
  const having: GroupFilter = query.having
    ? compileHaving(buildWhereTree(query.having), type, groupPaths, scope, alias)
    : () => true;

  let rows = [...groups.values()].filter(having).map((members) => {
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
    const call = aggregateCall(field, type, soql, alias);
    return { kind: "aggregate", name: field.alias ?? nextName(), ...call };
  }
  if (field.type === "Field" || field.type === "FieldRelationship") {
    const reference =
      field.type === "Field" ? field.field : [...field.relationships, field.field].join(".");
    const path = resolveFieldPath(type, reference, soql, alias);
    if (!groupPaths.some((group) => samePath(group, path))) throw notGrouped(soql, reference);
    return {
      kind: "group",
      name: ("alias" in field ? field.alias : undefined) ?? path.field.name,
      path,
    };
  }
  throw malformedQuery("only fields and aggregate functions may be selected in an aggregate query");
}

/**
 * Resolves an aggregate function call of SELECT or HAVING.
 * @throws SalesforceApiError as `aggregate` does.
 */
function aggregateCall(
  call: Pick<FunctionExp, "functionName" | "parameters">,
  type: SObjectDescriptor,
  soql: string,
  alias: string | undefined,
): AggregateCall {
  const fn = (call.functionName ?? "").toUpperCase();
  const [parameter] = call.parameters ?? [];
  if (parameter !== undefined && typeof parameter !== "string") {
    throw malformedQuery("nested functions are not supported by the sandbox");
  }
  const path = parameter === undefined ? null : resolveFieldPath(type, parameter, soql, alias);
  if (path === null && fn !== "COUNT") throw malformedQuery(`${fn}() needs a field`);
  if ((fn === "SUM" || fn === "AVG") && path !== null && !NUMERIC.has(path.field.type)) {
    throw unsupportedAggregate(soql, parameter ?? "", fn);
  }
  return { fn, path };
}

/**
 * Compiles a HAVING tree: each condition compares an aggregate (`COUNT(Id) > 1`) or a grouped
 * field (`Portal_Status__c != 'Active'`) with literals of its type.
 */
function compileHaving(
  node: WhereNode,
  type: SObjectDescriptor,
  groupPaths: readonly FieldPath[],
  scope: FilterScope,
  alias: string | undefined,
): GroupFilter {
  const { soql, source } = scope;
  switch (node.kind) {
    case "and":
    case "or": {
      const left = compileHaving(node.left, type, groupPaths, scope, alias);
      const right = compileHaving(node.right, type, groupPaths, scope, alias);
      return node.kind === "and"
        ? (members) => left(members) && right(members)
        : (members) => left(members) || right(members);
    }
    case "not": {
      const operand = compileHaving(node.operand, type, groupPaths, scope, alias);
      return (members) => !operand(members);
    }
    case "condition": {
      const condition = node.condition;
      if ("valueQuery" in condition)
        throw malformedQuery("semi join sub-selects are not allowed in HAVING");
      let read: (members: readonly SfRecord[]) => SfValue;
      let compared: { kind: Kind; type: SfFieldDescriptor["type"]; reference: string };
      if ("fn" in condition) {
        const call = aggregateCall(condition.fn, type, soql, alias);
        const reference = condition.fn.rawValue ?? call.fn;
        read = (members) => evaluate(call, members, source);
        compared =
          call.path !== null && (call.fn === "MIN" || call.fn === "MAX")
            ? { kind: kindOf(call.path.field), type: call.path.field.type, reference }
            : {
                kind: "number",
                type: call.fn === "SUM" || call.fn === "AVG" ? "double" : "int",
                reference,
              };
      } else {
        const path = resolveFieldPath(type, condition.field, soql, alias);
        if (!groupPaths.some((group) => samePath(group, path)))
          throw notGrouped(soql, condition.field);
        read = (members) =>
          members[0] === undefined ? null : valueAtPath(members[0], path, source);
        compared = { kind: kindOf(path.field), type: path.field.type, reference: condition.field };
      }
      const operands = operandsOf(condition, compared, soql, scope.now, (id) =>
        source.resolveId(id),
      );
      const test = comparisonTest(condition, operands, compared, soql);
      const kind = compared.kind;
      return (members) => test(toComparable(kind, read(members)));
    }
  }
}

function samePath(a: FieldPath, b: FieldPath): boolean {
  return (
    a.field === b.field &&
    a.hops.map((hop) => hop.lookup.name).join(".") ===
      b.hops.map((hop) => hop.lookup.name).join(".")
  );
}

function evaluate(
  column: AggregateCall,
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
    const descending = clause.order === "DESC";
    const nullsFirst = clause.nulls === undefined ? !descending : clause.nulls === "FIRST";
    return { name: column.name, descending, nullsFirst };
  });
  return [...rows].sort((a, b) => {
    for (const key of keys) {
      const left = comparable(a[key.name]);
      const right = comparable(b[key.name]);
      if (left === right) continue;
      if (left === null) return key.nullsFirst ? -1 : 1;
      if (right === null) return key.nullsFirst ? 1 : -1;
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
