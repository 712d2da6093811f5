/**
 * Replay ids as the portal stores and shows them: lower-case hex of the opaque bytes Salesforce
 * sends (`ConsumerEvent.replay_id`, `FetchResponse.latest_replay_id`). Salesforce calls them opaque
 * and not contiguous: they are kept and sent back as they came, never computed or compared by
 * size. Source: vendor-facts §1.5 (Pub/Sub API "Event Message Durability").
 */
export function replayIdToHex(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString("hex");
}

/** Hex of 1 to 64 bytes: what {@link replayIdToHex} gives for any replay id Salesforce sent. */
const REPLAY_ID_HEX = /^(?:[0-9a-f]{2}){1,64}$/;

/** Whether `value` is a replay id as {@link replayIdToHex} writes it. */
export function isReplayIdHex(value: string): boolean {
  return REPLAY_ID_HEX.test(value);
}

/**
 * The bytes of a stored replay id, to send back in a `CUSTOM` subscribe.
 * @throws RangeError when `hex` is not 1–64 bytes of lower-case hex.
 */
export function replayIdFromHex(hex: string): Buffer {
  if (!isReplayIdHex(hex)) {
    throw new RangeError("A replay id is 1 to 64 bytes of lower-case hex");
  }
  return Buffer.from(hex, "hex");
}
