import { salesforceDateTime } from "../../server/clock.js";
import type { SfValue } from "../state/salesforce-state.js";
import { SalesforceApiError } from "../salesforce-error.js";
import type { SfFieldDescriptor } from "./sobject-type.js";

const TEXT_TYPES = new Set(["id", "reference", "string", "textarea", "email", "phone", "picklist"]);
const NUMBER_TYPES = new Set(["int", "double", "currency"]);

/**
 * Converts a JSON value from a create/update body into the stored form of `field`, the way the
 * REST API deserialises it: numbers are accepted for text fields, numeric strings for number
 * fields, `"true"`/`"false"` for booleans; datetimes are normalised to Salesforce's format.
 * @throws SalesforceApiError 400 `JSON_PARSER_ERROR` for a value of the wrong type,
 *   `INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST` for a value outside a restricted picklist.
 */
export function coerceFieldValue(field: SfFieldDescriptor, value: unknown): SfValue {
  if (value === null) return null;
  if (TEXT_TYPES.has(field.type)) {
    if (typeof value !== "string" && typeof value !== "number") throw wrongType(field, value);
    const text = String(value);
    if (field.picklistValues && !field.picklistValues.includes(text)) {
      throw new SalesforceApiError(
        400,
        "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST",
        `${field.name}: bad value for restricted picklist field: ${text}`,
        [field.name],
      );
    }
    return text;
  }
  if (NUMBER_TYPES.has(field.type)) {
    const number = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
    if (typeof number !== "number" || !Number.isFinite(number)) throw wrongType(field, value);
    return field.type === "int" ? Math.trunc(number) : number;
  }
  if (field.type === "boolean") {
    if (typeof value === "boolean") return value;
    if (value === "true" || value === "false") return value === "true";
    throw wrongType(field, value);
  }
  if (field.type === "date") {
    if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(value))
      throw wrongType(field, value);
    return value;
  }
  // datetime
  const time = typeof value === "string" ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(time)) throw wrongType(field, value);
  return salesforceDateTime(new Date(time));
}

function wrongType(field: SfFieldDescriptor, value: unknown): SalesforceApiError {
  return new SalesforceApiError(
    400,
    "JSON_PARSER_ERROR",
    `Cannot deserialize instance of ${field.type} from ${JSON.stringify(value) ?? "undefined"} value for field ${field.name}`,
  );
}
