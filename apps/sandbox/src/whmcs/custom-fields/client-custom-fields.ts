import { unserialize } from "php-serialize";
import type { ActionParams } from "../api/action-params.js";

/** A client custom field as an administrator defines it (Setup → Custom Client Fields). */
export interface ClientCustomField {
  id: number;
  /** The field name shown to staff and on the client area. */
  fieldname: string;
}

/**
 * The sandbox's client custom fields: the katakana readings of the names, which WHMCS has no
 * client fields for. Their ids are the BFF's defaults for `WHMCS_CUSTOM_FIELD_LAST_NAME_KANA` /
 * `WHMCS_CUSTOM_FIELD_FIRST_NAME_KANA` outside production (docs/setup/real-systems.md).
 */
export const CLIENT_CUSTOM_FIELDS: readonly ClientCustomField[] = [
  { id: 1, fieldname: "フリガナ（姓） / Family name reading" },
  { id: 2, fieldname: "フリガナ（名） / Given name reading" },
];

/** The ids of the sandbox's reading fields, by what they hold. */
export const KANA_CUSTOM_FIELD_IDS = { lastNameKana: 1, firstNameKana: 2 } as const;

/**
 * The `customfields` parameter of AddClient / UpdateClient read as WHMCS reads it:
 * `safe_unserialize(base64_decode($customfields))`, then `{fieldId => value}` saved for the ids
 * of client custom fields that exist (others are ignored); see {@link readSerializedFields}.
 * Source: WHMCS/developer-docs api-reference/addclient.md, updateclient.md ("Base64 encoded
 * serialized array of custom field values").
 */
export function readCustomFieldsParam(params: ActionParams): Map<number, string> {
  return readSerializedFields(
    params.customfields,
    CLIENT_CUSTOM_FIELDS.map((field) => field.id),
  );
}

/**
 * A base64-encoded PHP-serialized `{fieldId => value}` (the `customfields` of AddClient,
 * UpdateClient and each product line of AddOrder) as WHMCS reads it: values kept for the ids in
 * `knownIds`, others ignored. Anything that does not decode to a PHP array is ignored as a whole,
 * as WHMCS's `is_array` check does; scalar values are kept as PHP casts them to text, nested
 * arrays are skipped. Absent or empty → an empty map.
 */
export function readSerializedFields(
  encoded: string | undefined,
  knownIds: readonly number[],
): Map<number, string> {
  const values = new Map<number, string>();
  const text = encoded?.trim();
  if (!text) return values;
  let decoded: unknown;
  try {
    // PHP's base64_decode skips characters outside the alphabet, as Buffer does.
    decoded = unserialize(Buffer.from(text, "base64").toString("utf8"));
  } catch {
    return values;
  }
  // A PHP array arrives as a JS array when its keys are 0…n-1, as an object otherwise.
  if (typeof decoded !== "object" || decoded === null) return values;
  for (const [key, value] of Object.entries(decoded as Record<string, unknown>)) {
    const id = Number(key);
    if (!knownIds.includes(id)) continue;
    if (typeof value === "string" || typeof value === "number") values.set(id, String(value));
    else if (typeof value === "boolean") values.set(id, value ? "1" : "");
  }
  return values;
}

/**
 * GetClientsDetails `customfields`: every client custom field with the client's value (`""` when
 * none), as `[{ id, value }]`, plus the older flat keys `customfields1`, `customfields2`, … in
 * field order. Source: WHMCS/developer-docs api-reference/getclientsdetails.md (current example).
 */
export function customFieldsDetails(stored: Readonly<Record<string, string>>): {
  customfields: { id: number; value: string }[];
  flat: Record<string, string>;
} {
  const customfields = CLIENT_CUSTOM_FIELDS.map((field) => ({
    id: field.id,
    value: stored[String(field.id)] ?? "",
  }));
  const flat = Object.fromEntries(
    customfields.map((field, index) => [`customfields${index + 1}`, field.value]),
  );
  return { customfields, flat };
}
