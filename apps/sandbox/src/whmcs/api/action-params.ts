import type { FormFields } from "../../server/form-fields.js";

/**
 * The form fields of one External API call. WHMCS reads them loosely (PHP): numbers arrive as
 * text, flags are any non-empty value, absent and empty are alike.
 */
export type ActionParams = FormFields;

/** A non-empty trimmed text field, or undefined. */
export function textParam(params: ActionParams, name: string): string | undefined {
  const value = params[name]?.trim();
  return value === undefined || value === "" ? undefined : value;
}

/** A whole-number field, or undefined when absent or not a number (PHP `intval` would give 0). */
export function intParam(params: ActionParams, name: string): number | undefined {
  const value = textParam(params, name);
  return value !== undefined && /^\d+$/.test(value) ? Number(value) : undefined;
}

/**
 * A flag as PHP's truthiness reads a request value: absent, `""` and `"0"` are false, anything
 * else — `"false"` included — is true. Source: PHP manual, "Converting to boolean".
 */
export function flagParam(params: ActionParams, name: string): boolean {
  const value = params[name];
  return value !== undefined && value !== "" && value !== "0";
}
