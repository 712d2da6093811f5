/** Keys handed out so far, by user action (the submitted values object). */
const keysByAction = new WeakMap<object, string>();

/**
 * The `Idempotency-Key` for one user action (docs/api.md "Idempotency keys"): a fresh UUID the
 * first time `action` is seen, the same one for every retry of that same action. A form submit
 * passes its values object, which is new on every submit and reused by TanStack Query's retries,
 * so a retried sign-up replays instead of signing up twice, and a new submit is a new action.
 */
export function idempotencyKeyFor(action: object): string {
  let key = keysByAction.get(action);
  if (key === undefined) {
    key = uuidV4();
    keysByAction.set(action, key);
  }
  return key;
}

/**
 * A random RFC 9562 version-4 UUID. Built from `crypto.getRandomValues` because
 * `crypto.randomUUID` exists only in secure contexts (a plain-http LAN address is not one).
 */
function uuidV4(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
