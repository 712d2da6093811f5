import { createHash } from "node:crypto";
import { Inject, Injectable } from "@nestjs/common";
import { APP_CONFIG } from "../config/config.module.js";
import { type AppConfig } from "../config/config.schema.js";
import { ExpiringCounters } from "./expiring-counters.js";

/**
 * How long failures of an email without an account are remembered before the lock threshold is
 * reached, in milliseconds. A user's count lasts until a success; a day bounds what strangers'
 * guesses can make the store hold while being far longer than any guessing run.
 */
const COUNT_TTL_MS = 24 * 60 * 60 * 1000;

/** The outcome of one login attempt for an email without an account. */
export type UnknownEmailAttempt = { locked: false } | { locked: true; lockedUntil: Date };

/**
 * Lockout for emails that have no account, so the 423 of the user lockout does not reveal which
 * emails are registered (OWASP Authentication Cheat Sheet "Account Lockout", "Authentication and
 * Error Messages"): every attempt is counted before it is answered, and once
 * AUTH_LOCKOUT_THRESHOLD attempts have failed the following ones are refused for
 * AUTH_LOCKOUT_MINUTES, exactly as for a real account. Counted by {@link ExpiringCounters} under
 * `login-failures:<sha256 of the email>` (the email itself is never stored).
 */
@Injectable()
export class UnknownEmailLockout {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly counters: ExpiringCounters,
  ) {}

  /**
   * Counts one attempt for `email` (compared lower-case) at `now` and says whether it is refused
   * because earlier attempts reached the threshold. An allowed attempt is a failure by definition
   * (the email has no account), so it is already counted.
   */
  async attempt(email: string, now: Date): Promise<UnknownEmailAttempt> {
    const key = `login-failures:${createHash("sha256").update(email.toLowerCase()).digest("hex")}`;
    const { count, msLeft } = await this.counters.count(key, {
      threshold: this.config.auth.lockoutThreshold,
      windowMs: COUNT_TTL_MS,
      lockMs: this.lockoutMs(),
    });
    if (count <= this.config.auth.lockoutThreshold) {
      return { locked: false };
    }
    // A counter without expiry cannot happen; should it anyway, refuse for the full lockout.
    const remaining = Number.isFinite(msLeft) && msLeft > 0 ? msLeft : this.lockoutMs();
    return { locked: true, lockedUntil: new Date(now.getTime() + remaining) };
  }

  private lockoutMs(): number {
    return this.config.auth.lockoutMinutes * 60_000;
  }
}
