/**
 * Encodes field names as Pub/Sub sends `changedFields`, `nulledFields` and `diffFields`: one hex
 * string `0x…` whose bit i (least significant = 0) stands for the field at position i of the
 * event's top-level Avro schema fields (`ChangeEventHeader` is position 0). An empty list encodes
 * as `[]`; names not in the schema are left out. (Compound fields would add `"<pos>-0x…"`
 * elements; the sandbox's schemas have none.)
 * Source: vendor-facts §2.3 (Pub/Sub API "Event Deserialization Considerations").
 */
export function encodeFieldBitmap(
  schemaFields: readonly string[],
  names: readonly string[],
): string[] {
  let bits = 0n;
  for (const name of names) {
    const position = schemaFields.indexOf(name);
    if (position >= 0) bits |= 1n << BigInt(position);
  }
  return bits === 0n ? [] : [`0x${bits.toString(16).toUpperCase()}`];
}
