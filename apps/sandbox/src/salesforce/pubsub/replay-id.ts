/** Length of a replay id on the wire. */
const REPLAY_ID_BYTES = 8;

/**
 * A replay id as the Pub/Sub stand-in sends it: 8 bytes, big-endian unsigned, the form
 * `salesforce-pubsub-api-client` decodes (`readBigUInt64BE`); Salesforce calls replay ids opaque.
 * Source: vendor-facts §1.5, §7 (an empty or shorter id crashes that client).
 */
export function encodeReplayId(replayId: number): Buffer {
  const buffer = Buffer.alloc(REPLAY_ID_BYTES);
  buffer.writeBigUInt64BE(BigInt(replayId));
  return buffer;
}

/**
 * The replay id a client sent back, or undefined when it is not 8 bytes or beyond
 * `Number.MAX_SAFE_INTEGER` (no id the stand-in handed out).
 */
export function decodeReplayId(bytes: Uint8Array): number | undefined {
  if (bytes.length !== REPLAY_ID_BYTES) return undefined;
  const value = Buffer.from(bytes).readBigUInt64BE();
  return value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : undefined;
}
