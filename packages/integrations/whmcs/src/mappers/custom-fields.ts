import { serialize } from "php-serialize";

/**
 * Which WHMCS client custom fields hold the katakana readings of the names (WHMCS has no such
 * client fields). Ids of the custom fields an administrator created under Setup → Custom Client
 * Fields (docs/setup/real-systems.md), e.g. from `WHMCS_CUSTOM_FIELD_LAST_NAME_KANA`.
 */
export interface WhmcsCustomFieldIds {
  /** The family-name reading (フリガナ（姓）). */
  lastNameKana: number;
  /** The given-name reading (フリガナ（名）). */
  firstNameKana: number;
}

/**
 * The `customfields` parameter of AddClient / UpdateClient: base64 of the PHP-serialized array
 * `{customFieldId => value}`. A `Map` with number keys serializes with integer keys
 * (`a:1:{i:7;s:9:"ヤマダ";}`, string lengths in UTF-8 bytes), as PHP's `serialize()` writes the
 * array WHMCS expects; the `php-serialize` package does the PHP encoding.
 * Source: WHMCS/developer-docs api-reference/addclient.md, updateclient.md ("Base64 encoded
 * serialized array of custom field values").
 */
export function encodeCustomFields(values: ReadonlyMap<number, string>): string {
  return Buffer.from(serialize(new Map(values)), "utf8").toString("base64");
}

/** One entry of GetClientsDetails `client.customfields[]`. */
export interface RawCustomFieldValue {
  id: number;
  value: string;
}

/**
 * The value of custom field `id` among GetClientsDetails `customfields`, trimmed; `""` when the
 * client has no value for it.
 * Source: WHMCS/developer-docs api-reference/getclientsdetails.md (`customfields[n][id|value]`).
 */
export function customFieldValue(fields: readonly RawCustomFieldValue[], id: number): string {
  return fields.find((field) => field.id === id)?.value.trim() ?? "";
}
