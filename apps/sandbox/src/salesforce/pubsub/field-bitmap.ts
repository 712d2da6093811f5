/**
 * Where a field sits in a change event's Avro schema: `position`, its top-level field index
 * (`ChangeEventHeader` is 0), and for a component of a compound field (`BillingCity` in
 * `BillingAddress`) `component`, its index among the compound record's fields.
 */
export interface FieldPosition {
  readonly position: number;
  readonly component?: number;
}

const hex = (bits: bigint): string => `0x${bits.toString(16).toUpperCase()}`;

/**
 * Encodes field names as Pub/Sub sends `changedFields`, `nulledFields` and `diffFields`: first a
 * hex string `0x…` whose bit i (least significant = 0) stands for the top-level schema field at
 * position i, then for each compound field with changed components (in position order) one
 * `"<position>-0x…"` whose bits index the compound record's fields — so `BillingCity` decodes as
 * `BillingAddress.City`. No names encode as `[]`; names without a position are left out. When
 * only components changed the first element is `0x0` (the documented layout always opens with
 * the top-level bitmap, and decoders such as the pozil client's read nested ones only after it).
 * Source: vendor-facts §2.3 (Pub/Sub API "Event Deserialization Considerations").
 */
export function encodeFieldBitmap(
  positions: ReadonlyMap<string, FieldPosition>,
  names: readonly string[],
): string[] {
  let top = 0n;
  const nested = new Map<number, bigint>();
  for (const name of names) {
    const at = positions.get(name);
    if (!at) continue;
    if (at.component === undefined) {
      top |= 1n << BigInt(at.position);
    } else {
      nested.set(at.position, (nested.get(at.position) ?? 0n) | (1n << BigInt(at.component)));
    }
  }
  if (top === 0n && nested.size === 0) return [];
  return [
    hex(top),
    ...[...nested]
      .sort(([left], [right]) => left - right)
      .map(([position, bits]) => `${position}-${hex(bits)}`),
  ];
}
