import { setTimeout as delay } from "node:timers/promises";

const POLL_INTERVAL_MS = 250;
const ATTEMPT_TIMEOUT_MS = 3_000;

/**
 * Polls `url` until it answers with an HTTP status below 500 (or any status, with
 * `anyStatus`), then returns that status. Connection refusals and timeouts are retried.
 *
 * @param {string} url
 * @param {object} options
 * @param {number} options.timeoutMs  give up after this long (milliseconds)
 * @param {AbortSignal} options.signal  aborted when the process behind `url` exits
 * @param {boolean} [options.anyStatus]  accept 5xx too (a health endpoint reports 503 when degraded)
 * @returns {Promise<number>} the HTTP status of the first acceptable answer
 * @throws {Error} on timeout, or the abort reason when `signal` fires
 */
export async function waitForHttp(url, { timeoutMs, signal, anyStatus = false }) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    signal.throwIfAborted();
    try {
      const response = await fetch(url, {
        redirect: "manual",
        signal: AbortSignal.any([signal, AbortSignal.timeout(ATTEMPT_TIMEOUT_MS)]),
      });
      await response.body?.cancel();
      if (anyStatus || response.status < 500) return response.status;
    } catch {
      // not listening yet, or too slow to answer: try again
    }
    signal.throwIfAborted();
    if (Date.now() > deadline)
      throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
    await delay(POLL_INTERVAL_MS);
  }
}
