/** A hex bitmap element of `changedFields`/`nulledFields`/`diffFields`: `0x…` or `<pos>-0x…`. */
const BITMAP = /^(?:(\d+)-)?0x([0-9a-fA-F]+)$/;

/**
 * An Avro record schema's field names and, for fields whose type is a record (alone or in a
 * union with null — compound fields such as `BillingAddress`), the nested record's field names.
 */
export interface SchemaFieldNames {
  names: readonly string[];
  nested: ReadonlyMap<number, readonly string[]>;
}

/**
 * Decodes the field bitmaps Pub/Sub sends in `ChangeEventHeader.changedFields`, `nulledFields`
 * and `diffFields` into field names. The first element `0x…` is a bitmap over the top-level schema
 * fields (bit i, least significant = 0, stands for field i; `ChangeEventHeader` is 0); further
 * elements `<pos>-0x…` are bitmaps over the sub-fields of the compound field at position `pos`,
 * named `Parent.Child`. Elements that are not bitmaps (a field name, as CometD sends them) are
 * kept as they are; bits beyond the schema are ignored.
 * Source: vendor-facts §2.3 (Pub/Sub API "Event Deserialization Considerations"; the
 * `ChangeEventHeaderUtility.py` of `forcedotcom/pub-sub-api`).
 */
export function decodeFieldBitmaps(
  elements: readonly string[],
  schema: SchemaFieldNames,
): string[] {
  const names: string[] = [];
  for (const element of elements) {
    const match = BITMAP.exec(element);
    if (!match) {
      names.push(element);
      continue;
    }
    const [, parent, hex = ""] = match;
    const fields = parent === undefined ? schema.names : (schema.nested.get(Number(parent)) ?? []);
    const prefix =
      parent === undefined ? "" : `${schema.names[Number(parent)] ?? `field${parent}`}.`;
    const bits = BigInt(`0x${hex}`);
    fields.forEach((name, position) => {
      if ((bits >> BigInt(position)) & 1n) names.push(`${prefix}${name}`);
    });
  }
  return names;
}
