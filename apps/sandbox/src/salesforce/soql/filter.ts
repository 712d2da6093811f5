import type { LiteralType } from "soql-parser-js";
import type { SfRecord, SfValue } from "../state/salesforce-state.js";
import { sameRecordId } from "../model/record-id.js";
import type { RecordSource } from "../model/sobject-records.js";
import type { SfFieldDescriptor, SObjectDescriptor } from "../model/sobject-type.js";
import { resolveFieldPath, valueAtPath } from "./field-path.js";
import { malformedQuery, wrongFilterType } from "./query-errors.js";
import type { ComparisonCondition, WhereNode } from "./where-tree.js";

/** A compiled WHERE clause: true when the record matches. */
export type RecordFilter = (record: SfRecord) => boolean;

type Kind = "text" | "id" | "number" | "boolean" | "date" | "datetime";
type Comparable = string | number | boolean | null;

/**
 * Compiles a WHERE tree for records of `base`, resolving every field and literal up front so an
 * invalid query fails even when no record would be tested. Semantics follow SOQL: text equality
 * and LIKE are case-insensitive, ids compare in their 15/18-character forms, `= null` / `!= null`
 * test emptiness, `!=` and `NOT IN` also match empty values, ordering comparisons never match
 * an empty value. Source: SOQL and SOSL Reference, "Comparison Operators".
 * @throws SalesforceApiError 400 (`INVALID_FIELD`, `MALFORMED_QUERY`) for invalid or unsupported filters.
 */
export function compileWhere(
  node: WhereNode,
  base: SObjectDescriptor,
  source: RecordSource,
  soql: string,
  alias?: string,
): RecordFilter {
  switch (node.kind) {
    case "and": {
      const left = compileWhere(node.left, base, source, soql, alias);
      const right = compileWhere(node.right, base, source, soql, alias);
      return (record) => left(record) && right(record);
    }
    case "or": {
      const left = compileWhere(node.left, base, source, soql, alias);
      const right = compileWhere(node.right, base, source, soql, alias);
      return (record) => left(record) || right(record);
    }
    case "not": {
      const operand = compileWhere(node.operand, base, source, soql, alias);
      return (record) => !operand(record);
    }
    case "condition":
      return compileCondition(node.condition, base, source, soql, alias);
  }
}

function compileCondition(
  condition: ComparisonCondition,
  base: SObjectDescriptor,
  source: RecordSource,
  soql: string,
  alias: string | undefined,
): RecordFilter {
  if ("valueQuery" in condition)
    throw malformedQuery("semi-join sub-selects are not supported by the sandbox");
  if ("fn" in condition)
    throw malformedQuery("functions in WHERE are not supported by the sandbox");
  if ("dateLiteralVariable" in condition || isDateLiteral(condition.literalType)) {
    throw malformedQuery(
      "date literals (TODAY, LAST_N_DAYS:n, ...) are not supported by the sandbox",
    );
  }
  const path = resolveFieldPath(base, condition.field, soql, alias);
  const kind = kindOf(path.field);
  const read = (record: SfRecord): Comparable =>
    toComparable(kind, valueAtPath(record, path, source));
  const rawValues = Array.isArray(condition.value) ? condition.value : [condition.value];
  const literalTypes = Array.isArray(condition.literalType)
    ? condition.literalType
    : [condition.literalType];
  const literal = (index: number): Comparable => {
    const value = literalToComparable(
      kind,
      path.field,
      condition.field,
      rawValues[index] ?? "",
      literalTypes[index] ?? literalTypes[0],
      soql,
    );
    return kind === "id" && typeof value === "string" ? source.resolveId(value) : value;
  };

  switch (condition.operator) {
    case "=":
    case "!=": {
      const expected = literal(0);
      const equal = (record: SfRecord): boolean => {
        const actual = read(record);
        return expected === null
          ? actual === null
          : actual !== null && same(kind, actual, expected);
      };
      return condition.operator === "=" ? equal : (record) => !equal(record);
    }
    case "<":
    case ">":
    case "<=":
    case ">=": {
      const expected = literal(0);
      const operator = condition.operator;
      return (record) => {
        const actual = read(record);
        if (actual === null || expected === null) return false;
        if (operator === "<") return actual < expected;
        if (operator === ">") return actual > expected;
        if (operator === "<=") return actual <= expected;
        return actual >= expected;
      };
    }
    case "IN":
    case "NOT IN": {
      const expected = rawValues.map((_, index) => literal(index));
      const member = (record: SfRecord): boolean => {
        const actual = read(record);
        return expected.some((value) =>
          value === null ? actual === null : actual !== null && same(kind, actual, value),
        );
      };
      return condition.operator === "IN" ? member : (record) => !member(record);
    }
    case "LIKE": {
      if (kind !== "text" && kind !== "id")
        throw wrongFilterType(soql, condition.field, "string for LIKE");
      const pattern = likePattern(rawValues[0] ?? "");
      return (record) => {
        const actual = read(record);
        return typeof actual === "string" && pattern.test(actual);
      };
    }
    default:
      throw malformedQuery(`operator ${condition.operator} is not supported by the sandbox`);
  }
}

function isDateLiteral(literalType: LiteralType | LiteralType[] | undefined): boolean {
  const types = Array.isArray(literalType) ? literalType : [literalType];
  return types.some((type) => type === "DATE_LITERAL" || type === "DATE_N_LITERAL");
}

/** How values of a field compare. */
export function kindOf(field: SfFieldDescriptor): Kind {
  switch (field.type) {
    case "id":
    case "reference":
      return "id";
    case "int":
    case "double":
    case "currency":
      return "number";
    case "boolean":
    case "date":
    case "datetime":
      return field.type;
    default:
      return "text";
  }
}

/** A stored value in comparable form: text lower-cased, datetimes as epoch milliseconds. */
export function toComparable(kind: Kind, value: SfValue): Comparable {
  if (value === null) return null;
  if (kind === "text") return String(value).toLowerCase();
  if (kind === "datetime") return typeof value === "string" ? Date.parse(value) : null;
  return value;
}

function same(
  kind: Kind,
  actual: Exclude<Comparable, null>,
  expected: Exclude<Comparable, null>,
): boolean {
  if (kind === "id" && typeof actual === "string" && typeof expected === "string")
    return sameRecordId(actual, expected);
  return actual === expected;
}

function literalToComparable(
  kind: Kind,
  field: SfFieldDescriptor,
  reference: string,
  raw: string,
  literalType: LiteralType | undefined,
  soql: string,
): Comparable {
  if (literalType === "NULL") return null;
  switch (kind) {
    case "text":
    case "id": {
      // Salesforce refuses an unquoted number for a text field (`SF_Account_No__c = 100001`).
      if (literalType === "STRING") return toComparable(kind, unquote(raw));
      throw wrongFilterType(soql, reference, "string and should be enclosed in quotes");
    }
    case "number":
      if (literalType === "INTEGER" || literalType === "DECIMAL") return Number(raw);
      throw wrongFilterType(soql, reference, `${field.type} and should not be enclosed in quotes`);
    case "boolean":
      if (literalType === "BOOLEAN") return raw.toUpperCase() === "TRUE";
      throw wrongFilterType(soql, reference, "boolean and should not be enclosed in quotes");
    case "date":
      if (literalType === "DATE") return raw;
      throw wrongFilterType(soql, reference, "date and should not be enclosed in quotes");
    case "datetime":
      if (literalType === "DATETIME") return Date.parse(raw);
      throw wrongFilterType(soql, reference, "dateTime and should not be enclosed in quotes");
  }
}

const ESCAPED: Record<string, string> = { n: "\n", t: "\t", r: "\r", b: "\b", f: "\f" };

/** The text of a quoted SOQL string literal, with `\'`, `\\`, `\n`… escapes resolved. */
export function unquote(literal: string): string {
  return literal
    .slice(1, -1)
    .replace(/\\(.)/g, (_, character: string) => ESCAPED[character] ?? character);
}

/** A case-insensitive regular expression for a LIKE literal: `%` any run, `_` one character, `\%` `\_` literal. */
function likePattern(literal: string): RegExp {
  const body = literal.slice(1, -1);
  let source = "";
  for (let index = 0; index < body.length; index += 1) {
    const character = body.charAt(index);
    if (character === "\\" && index + 1 < body.length) {
      index += 1;
      const escaped = body.charAt(index);
      source += escapeRegExp(ESCAPED[escaped] ?? escaped);
    } else if (character === "%") {
      source += "[\\s\\S]*";
    } else if (character === "_") {
      source += "[\\s\\S]";
    } else {
      source += escapeRegExp(character);
    }
  }
  return new RegExp(`^${source}$`, "i");
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
