import { createHmac, timingSafeEqual } from "node:crypto";

/*
 * Signature of the webhooks the WHMCS hook (hook/portal_webhook.php) sends to the BFF:
 * `X-Portal-Timestamp: <unix seconds>` and
 * `X-Portal-Signature: sha256=<hex HMAC-SHA256(secret, "<timestamp>.<raw body>")>`.
 * Signing the timestamp with the body lets the receiver refuse replays outside a time window.
 * Source: docs/architecture/wiring.md "Webhook from the WHMCS hook".
 */

const SIGNATURE_PREFIX = "sha256=";

/** The two signature headers, lower-case as Node's `IncomingHttpHeaders` holds them. */
export interface WebhookSignatureHeaders {
  "x-portal-timestamp": string;
  "x-portal-signature": string;
}

/** Why a webhook signature was refused. */
export type WebhookSignatureFailure = "missing" | "malformed" | "stale" | "mismatch";

/**
 * Signs a webhook body as the WHMCS hook does. `rawBody` is the exact text sent (JSON),
 * `timestampSeconds` the Unix time of sending in whole seconds.
 */
export function signWebhook(
  rawBody: string,
  secret: string,
  timestampSeconds: number,
): WebhookSignatureHeaders {
  const timestamp = String(Math.trunc(timestampSeconds));
  return {
    "x-portal-timestamp": timestamp,
    "x-portal-signature": SIGNATURE_PREFIX + hmacHex(secret, timestamp, rawBody),
  };
}

/**
 * Checks a received webhook: both headers present (`missing`), a decimal timestamp and a
 * `sha256=` + 64 hex digits signature (`malformed`), the timestamp within `windowSeconds` of
 * `nowSeconds` either way (`stale`), and the HMAC of `"<timestamp>.<rawBody>"` equal to the
 * signature, compared in constant time (`mismatch`). `rawBody` must be the bytes as received,
 * not re-serialised JSON.
 */
export function verifyWebhookSignature(input: {
  rawBody: string;
  timestamp: string | undefined;
  signature: string | undefined;
  secret: string;
  nowSeconds: number;
  windowSeconds: number;
}): { ok: true } | { ok: false; reason: WebhookSignatureFailure } {
  const { rawBody, timestamp, signature, secret, nowSeconds, windowSeconds } = input;
  if (!timestamp || !signature) {
    return { ok: false, reason: "missing" };
  }
  const signatureMatch = /^sha256=([0-9a-f]{64})$/i.exec(signature.trim());
  if (!/^\d{1,12}$/.test(timestamp.trim()) || !signatureMatch) {
    return { ok: false, reason: "malformed" };
  }
  if (Math.abs(nowSeconds - Number(timestamp.trim())) > windowSeconds) {
    return { ok: false, reason: "stale" };
  }
  const expected = Buffer.from(hmacHex(secret, timestamp.trim(), rawBody), "hex");
  const received = Buffer.from(signatureMatch[1]!.toLowerCase(), "hex");
  return timingSafeEqual(expected, received) ? { ok: true } : { ok: false, reason: "mismatch" };
}

function hmacHex(secret: string, timestamp: string, rawBody: string): string {
  return createHmac("sha256", secret).update(`${timestamp}.${rawBody}`, "utf8").digest("hex");
}
