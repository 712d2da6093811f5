/** First reconnect delay, milliseconds (Salesforce's sample waits ~1 s, then doubles). */
const BASE_DELAY_MS = 1000;
/** Longest reconnect delay, milliseconds. */
const MAX_DELAY_MS = 60_000;

/**
 * How long to wait before reconnect attempt `attempt` (1, 2, …): exponential (1 s, 2 s, 4 s …
 * capped at 60 s) with "equal jitter" — half fixed, half random — so replicas and topics that
 * failed together do not retry in step, and no retry comes at once. `random` is in [0, 1).
 * Source: vendor-facts §1.6 (the official sample's `2^n × 1000 ms`); AWS Architecture Blog,
 * "Exponential Backoff And Jitter".
 */
export function reconnectDelayMs(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
