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

/**
 * An array parameter as PHP builds it from `name[key]=value` fields (what `http_build_query`
 * sends: `pid[0]=101&pid[1]=201`): values by key, in the order sent; undefined when no such field
 * was sent. A plain `name=value` is not an array, which AddOrder refuses since WHMCS 8.6
 * ("Expecting parameter 'pid' to be an array"): that case gives `"scalar"`.
 * Source: PHP manual "Variables From External Sources"; WHMCS/developer-docs addorder.md.
 */
export function arrayParam(
  params: ActionParams,
  name: string,
): ReadonlyMap<string, string> | "scalar" | undefined {
  const prefix = `${name}[`;
  const entries = Object.entries(params).filter(
    ([field]) => field.startsWith(prefix) && field.endsWith("]"),
  );
  if (entries.length === 0) return params[name] === undefined ? undefined : "scalar";
  return new Map(entries.map(([field, value]) => [field.slice(prefix.length, -1), value]));
}
