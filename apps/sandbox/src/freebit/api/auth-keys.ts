import { randomBytes } from "node:crypto";
import type { Clock } from "../../server/clock.js";

/** How long an authKey is valid [A: vendor-facts §5.5]. */
const AUTH_KEY_LIFETIME_MS = 60 * 60_000;

/**
 * The authKeys `authOem` handed out (memory only: a restart forces every client to sign in again,
 * as an expiry does).
 */
export class AuthKeys {
  private readonly keys = new Map<string, number>();

  constructor(private readonly clock: Clock) {}

  /** A new key valid for 60 minutes. */
  issue(): string {
    const key = randomBytes(24).toString("hex");
    this.keys.set(key, this.clock().getTime() + AUTH_KEY_LIFETIME_MS);
    return key;
  }

  /** Whether `key` was issued and has not expired. */
  isValid(key: unknown): boolean {
    if (typeof key !== "string") return false;
    const expiresAt = this.keys.get(key);
    return expiresAt !== undefined && expiresAt > this.clock().getTime();
  }

  /** Every key becomes invalid (control API, to test re-authentication). */
  expireAll(): void {
    this.keys.clear();
  }
}
