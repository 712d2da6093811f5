import type { Query } from "soql-parser-js";
import { findSObjectType } from "../model/sobject-registry.js";
import type { RecordSource } from "../model/sobject-records.js";
import type { SObjectDescriptor } from "../model/sobject-type.js";
import type { SfRecord } from "../state/salesforce-state.js";
import { comparisonTest, kindOf, operandsOf, toComparable } from "./comparison.js";
import { resolveFieldPath, valueAtPath } from "./field-path.js";
import { malformedQuery, semiJoinError, unknownSObject } from "./query-errors.js";
import { buildWhereTree, type ComparisonCondition, type WhereNode } from "./where-tree.js";

/** A compiled WHERE clause: true when the record matches. */
export type RecordFilter = (record: SfRecord) => boolean;

/** What compiling a filter needs besides the clause: the records, the query text for errors, the time. */
export interface FilterScope {
  readonly source: RecordSource;
  readonly soql: string;
  /** Anchors date literals (`TODAY`…). */
  readonly now: Date;
}

/** Semi-joins and anti-joins one WHERE clause may hold. Source: SOQL and SOSL Reference. */
const MAX_SEMI_JOINS = 2;

/**
 * Compiles the WHERE clause of a query on `base` (a top-level query, or a parent-to-child
 * sub-query when `topLevel` is false), resolving every field and literal up front so an invalid
 * query fails even when no record would be tested. Comparisons: see `comparisonTest`.
 * Semi-joins (`Id IN (SELECT AccountId FROM Contact WHERE …)`) and anti-joins (`NOT IN`) follow
 * the reference's rules: only in a top-level WHERE, at most two, never under OR or NOT, the left
 * side an Id or reference field of the queried object, the sub-select one Id or reference field
 * of another object, with no ORDER BY, LIMIT, OFFSET or GROUP BY of its own.
 * Source: SOQL and SOSL Reference, "Comparison Operators" ("Semi-Joins with IN and Anti-Joins
 * with NOT IN"), "Date Formats and Date Literals in WHERE".
 * @throws SalesforceApiError 400 (`INVALID_FIELD`, `INVALID_TYPE`, `MALFORMED_QUERY`) for invalid filters.
 */
export function compileWhere(
  node: WhereNode,
  base: SObjectDescriptor,
  scope: FilterScope,
  alias: string | undefined,
  topLevel = true,
): RecordFilter {
  const semiJoins = countSemiJoins(node);
  if (semiJoins > 0 && !topLevel) {
    throw semiJoinError(
      scope.soql,
      "Semi join sub-selects are only allowed at the top level WHERE expressions.",
    );
  }
  if (semiJoins > MAX_SEMI_JOINS) {
    throw semiJoinError(scope.soql, `Maximum ${MAX_SEMI_JOINS} semi join sub-selects are allowed`);
  }
  return compileNode(node, base, scope, alias, "and");
}

function compileNode(
  node: WhereNode,
  base: SObjectDescriptor,
  scope: FilterScope,
  alias: string | undefined,
  parent: "and" | "or" | "not",
): RecordFilter {
  switch (node.kind) {
    case "and": {
      const left = compileNode(node.left, base, scope, alias, parent === "and" ? "and" : parent);
      const right = compileNode(node.right, base, scope, alias, parent === "and" ? "and" : parent);
      return (record) => left(record) && right(record);
    }
    case "or": {
      const left = compileNode(node.left, base, scope, alias, parent === "not" ? "not" : "or");
      const right = compileNode(node.right, base, scope, alias, parent === "not" ? "not" : "or");
      return (record) => left(record) || right(record);
    }
    case "not": {
      const operand = compileNode(node.operand, base, scope, alias, "not");
      return (record) => !operand(record);
    }
    case "condition":
      if ("valueQuery" in node.condition) {
        if (parent === "or") {
          throw semiJoinError(
            scope.soql,
            "Semi join sub-selects are not allowed with the 'OR' operator",
          );
        }
        if (parent === "not") {
          throw semiJoinError(
            scope.soql,
            "Semi join sub-selects are only allowed at the top level WHERE expressions.",
          );
        }
      }
      return compileCondition(node.condition, base, scope, alias);
  }
}

function compileCondition(
  condition: ComparisonCondition,
  base: SObjectDescriptor,
  scope: FilterScope,
  alias: string | undefined,
): RecordFilter {
  if ("fn" in condition)
    throw malformedQuery("functions in WHERE are not supported by the sandbox");
  const path = resolveFieldPath(base, condition.field, scope.soql, alias);
  const kind = kindOf(path.field);
  const read = (record: SfRecord) => toComparable(kind, valueAtPath(record, path, scope.source));
  if ("valueQuery" in condition) {
    if (path.hops.length > 0 || kind !== "id") {
      throw semiJoinError(
        scope.soql,
        `semi join sub selects are only supported on Id and reference fields, cannot use: '${condition.field}'`,
        condition.field,
      );
    }
    if (condition.operator !== "IN" && condition.operator !== "NOT IN") {
      throw malformedQuery(`unexpected token: '${condition.operator}'`);
    }
    const ids = semiJoinIds(condition.valueQuery, base, scope);
    const member = (record: SfRecord): boolean => {
      const value = read(record);
      return typeof value === "string" && ids.has(idKey(value));
    };
    return condition.operator === "IN" ? member : (record) => !member(record);
  }
  const compared = { kind, type: path.field.type, reference: condition.field };
  const operands = operandsOf(condition, compared, scope.soql, scope.now, (id) =>
    scope.source.resolveId(id),
  );
  const test = comparisonTest(condition, operands, compared, scope.soql);
  return (record) => test(read(record));
}

/**
 * The values a semi-join's sub-select yields, keyed by `idKey`.
 * @throws SalesforceApiError `MALFORMED_QUERY` when the sub-select breaks a rule (see `compileWhere`),
 *   `INVALID_TYPE` for an unknown object, and the errors of its own filter.
 */
function semiJoinIds(query: Query, outer: SObjectDescriptor, scope: FilterScope): Set<string> {
  const { soql } = scope;
  const typeName = query.sObject ?? "";
  const type = findSObjectType(typeName);
  if (!type) throw unknownSObject(soql, typeName);
  if (type.name === outer.name) {
    throw semiJoinError(soql, "The inner and outer selects should not be on the same object type");
  }
  const fields = query.fields ?? [];
  const [field] = fields;
  const fieldName = field?.type === "Field" ? field.field : undefined;
  const path = fieldName === undefined ? undefined : resolveFieldPath(type, fieldName, soql);
  if (fields.length !== 1 || !path || path.hops.length > 0 || kindOf(path.field) !== "id") {
    const named =
      field === undefined
        ? ""
        : field.type === "Field"
          ? field.field
          : field.type === "FieldRelationship"
            ? (field.rawValue ?? field.field)
            : field.type === "FieldFunctionExpression"
              ? (field.rawValue ?? field.functionName)
              : "";
    throw semiJoinError(
      soql,
      `semi join sub selects can only query id fields, cannot use: '${named}'`,
      named,
    );
  }
  for (const [clause, present] of [
    ["ORDER BY", query.orderBy !== undefined],
    ["LIMIT", query.limit !== undefined],
    ["OFFSET", query.offset !== undefined],
    ["GROUP BY", query.groupBy !== undefined],
  ] as const) {
    if (present)
      throw semiJoinError(soql, `${clause} is not supported in semi join sub-selects`, clause);
  }
  const filter = query.where
    ? compileWhere(buildWhereTree(query.where), type, scope, query.sObjectAlias, false)
    : () => true;
  const ids = new Set<string>();
  for (const record of scope.source.list(type.name).filter(filter)) {
    const value = valueAtPath(record, path, scope.source);
    if (typeof value === "string") ids.add(idKey(scope.source.resolveId(value)));
  }
  return ids;
}

/** The 15-character, case-sensitive form of an id: one key for its 15- and 18-character forms. */
function idKey(id: string): string {
  return id.slice(0, 15);
}

function countSemiJoins(node: WhereNode): number {
  switch (node.kind) {
    case "and":
    case "or":
      return countSemiJoins(node.left) + countSemiJoins(node.right);
    case "not":
      return countSemiJoins(node.operand);
    case "condition":
      return "valueQuery" in node.condition ? 1 : 0;
  }
}
