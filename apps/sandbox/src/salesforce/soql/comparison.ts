import type { LiteralType, Operator } from "soql-parser-js";
import { sameRecordId } from "../model/record-id.js";
import type { SfFieldDescriptor } from "../model/sobject-type.js";
import type { SfValue } from "../state/salesforce-state.js";
import { dateLiteralRange, localMidnight, type TimeRange } from "./date-literals.js";
import { malformedQuery, notMultiPicklist, wrongFilterType } from "./query-errors.js";

/** How values of a field (or of an aggregate) compare. */
export type Kind = "text" | "id" | "number" | "boolean" | "date" | "datetime";
/** A value in comparable form: text lower-cased, dates `YYYY-MM-DD`, datetimes epoch milliseconds. */
export type Comparable = string | number | boolean | null;

/** The right-hand side of a comparison: one value, or the range a date literal stands for. */
export type Operand =
  | { readonly kind: "value"; readonly value: Comparable }
  | { readonly kind: "range"; readonly range: TimeRange };

/** A comparison's right-hand side as soql-parser-js gives it. */
export interface LiteralList {
  readonly operator: Operator;
  readonly value: string | string[];
  readonly literalType?: LiteralType | LiteralType[];
  readonly dateLiteralVariable?: number | number[];
}

/** What a literal is compared with: its kind, the field (for type names in errors) and how the query wrote it. */
export interface ComparedWith {
  readonly kind: Kind;
  /** The field's describe type (`string`, `int`, …), for error messages. */
  readonly type: SfFieldDescriptor["type"];
  /** The left-hand side as written (`Account.Name`, `COUNT(Id)`), for error messages. */
  readonly reference: string;
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

/**
 * The operands of a comparison, each literal checked against the type of what it is compared
 * with the way Salesforce checks it: text and ids want quoted strings, numbers unquoted numbers,
 * booleans TRUE/FALSE, date fields `YYYY-MM-DD` or a date literal, datetime fields a datetime or a
 * date literal; `null` goes with anything. `resolveId` maps renamed ids; `now` anchors date literals.
 * @throws SalesforceApiError `INVALID_FIELD` for a literal of the wrong type, `MALFORMED_QUERY`
 *   for an unknown date literal.
 */
export function operandsOf(
  list: LiteralList,
  compared: ComparedWith,
  soql: string,
  now: Date,
  resolveId: (id: string) => string,
): Operand[] {
  const values = Array.isArray(list.value) ? list.value : [list.value];
  const types = Array.isArray(list.literalType) ? list.literalType : [list.literalType];
  const numbers = Array.isArray(list.dateLiteralVariable)
    ? list.dateLiteralVariable
    : [list.dateLiteralVariable];
  return values.map((raw, index) => {
    const type = types[index] ?? types[0];
    if (type === "DATE_LITERAL" || type === "DATE_N_LITERAL") {
      if (compared.kind !== "date" && compared.kind !== "datetime") {
        throw wrongType(compared, soql);
      }
      const [name] = raw.split(":");
      const range = dateLiteralRange(name ?? raw, numbers[index] ?? numbers[0], now);
      if (!range) throw malformedQuery(`unknown date literal ${raw}`);
      return { kind: "range", range };
    }
    const value = literalValue(compared, raw, type, soql);
    return {
      kind: "value",
      value: compared.kind === "id" && typeof value === "string" ? resolveId(value) : value,
    };
  });
}

function literalValue(
  compared: ComparedWith,
  raw: string,
  literalType: LiteralType | undefined,
  soql: string,
): Comparable {
  if (literalType === "NULL") return null;
  switch (compared.kind) {
    case "text":
    case "id":
      // Salesforce refuses an unquoted number for a text field (`SF_Account_No__c = 100001`).
      if (literalType === "STRING") return toComparable(compared.kind, unquote(raw));
      break;
    case "number":
      if (literalType === "INTEGER" || literalType === "DECIMAL") return Number(raw);
      break;
    case "boolean":
      if (literalType === "BOOLEAN") return raw.toUpperCase() === "TRUE";
      break;
    case "date":
      if (literalType === "DATE") return raw;
      break;
    case "datetime":
      if (literalType === "DATETIME") return Date.parse(raw);
      break;
  }
  throw wrongType(compared, soql);
}

function wrongType(compared: ComparedWith, soql: string) {
  const expectation =
    compared.kind === "text" || compared.kind === "id"
      ? "string and should be enclosed in quotes"
      : `${compared.kind === "number" ? compared.type : compared.kind === "datetime" ? "dateTime" : compared.kind} and should not be enclosed in quotes`;
  return wrongFilterType(soql, compared.reference, expectation);
}

/**
 * The test a comparison makes of a left-hand value (in comparable form). Semantics follow SOQL:
 * text equality and LIKE are case-insensitive, ids compare in their 15/18-character forms,
 * `= null` / `!= null` test emptiness, `!=` and `NOT IN` also match empty values, ordering
 * comparisons never match an empty value. A date literal's range matches with `=` anywhere
 * inside it; `<` before its start, `<=` before its end, `>` from its end, `>=` from its start.
 * Source: SOQL and SOSL Reference, "Comparison Operators", "Date Formats and Date Literals in WHERE".
 * @throws SalesforceApiError `INVALID_FIELD` for LIKE on a non-text field and for INCLUDES /
 *   EXCLUDES, which need a multi-select picklist (the sandbox models none).
 */
export function comparisonTest(
  list: LiteralList,
  operands: readonly Operand[],
  compared: ComparedWith,
  soql: string,
): (actual: Comparable) => boolean {
  const { kind } = compared;
  const equal = (actual: Comparable, operand: Operand): boolean => {
    if (operand.kind === "range") {
      const at = instant(kind, actual);
      return at !== null && at >= operand.range.start && at < operand.range.end;
    }
    const expected = operand.value;
    if (expected === null) return actual === null;
    if (actual === null) return false;
    if (kind === "id" && typeof actual === "string" && typeof expected === "string")
      return sameRecordId(actual, expected);
    return actual === expected;
  };
  const [first] = operands;
  switch (list.operator) {
    case "=":
      return (actual) => first !== undefined && equal(actual, first);
    case "!=":
      return (actual) => first === undefined || !equal(actual, first);
    case "IN":
      return (actual) => operands.some((operand) => equal(actual, operand));
    case "NOT IN":
      return (actual) => !operands.some((operand) => equal(actual, operand));
    case "<":
    case "<=":
    case ">":
    case ">=": {
      const operator = list.operator;
      return (actual) => {
        if (actual === null || first === undefined) return false;
        if (first.kind === "range") {
          const at = instant(kind, actual);
          if (at === null) return false;
          if (operator === "<") return at < first.range.start;
          if (operator === "<=") return at < first.range.end;
          if (operator === ">") return at >= first.range.end;
          return at >= first.range.start;
        }
        const expected = first.value;
        if (expected === null) return false;
        if (operator === "<") return actual < expected;
        if (operator === "<=") return actual <= expected;
        if (operator === ">") return actual > expected;
        return actual >= expected;
      };
    }
    case "LIKE": {
      if (kind !== "text" && kind !== "id")
        throw wrongFilterType(soql, compared.reference, "string for LIKE");
      const pattern = likePattern(Array.isArray(list.value) ? (list.value[0] ?? "") : list.value);
      return (actual) => typeof actual === "string" && pattern.test(actual);
    }
    case "INCLUDES":
    case "EXCLUDES":
      throw notMultiPicklist(soql, compared.reference);
  }
}

/** A date or datetime value as epoch milliseconds (dates at their local midnight). */
function instant(kind: Kind, actual: Comparable): number | null {
  if (kind === "datetime" && typeof actual === "number") return actual;
  if (kind === "date" && typeof actual === "string") return localMidnight(actual);
  return null;
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
