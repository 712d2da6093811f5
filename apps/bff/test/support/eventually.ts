import { setTimeout as sleep } from "node:timers/promises";

/**
 * Re-runs `probe` until it returns a value `accept` likes, for at most `attempts` tries spaced
 * `intervalMs` apart, and returns that value; throws with the last value otherwise. For effects
 * that happen after the answer (a webhook the sandbox sends once it has answered).
 */
export async function eventually<T>(
  probe: () => Promise<T>,
  accept: (value: T) => boolean,
  { attempts = 50, intervalMs = 100 } = {},
): Promise<T> {
  let last: T | undefined;
  for (let attempt = 0; attempt < attempts; attempt += 1) {
    last = await probe();
    if (accept(last)) {
      return last;
    }
    await sleep(intervalMs);
  }
  throw new Error(
    `Condition not met after ${attempts} attempts; last value: ${JSON.stringify(last)}`,
  );
}
