import { createHash } from "node:crypto";
import { Inject, Injectable, Logger } from "@nestjs/common";
import { type Redis } from "ioredis";
import { LRUCache } from "lru-cache";
import { z } from "zod";
import { REDIS_CLIENT } from "../cache/redis-client.js";
import { APP_CONFIG } from "../config/config.module.js";
import { type AppConfig } from "../config/config.schema.js";

/**
 * How long failures of an email without an account are remembered before the lock threshold is
 * reached, in milliseconds. A user's count lasts until a success; a day bounds what strangers'
 * guesses can make the store hold while being far longer than any guessing run.
 */
const COUNT_TTL_MS = 24 * 60 * 60 * 1000;

/** Emails counted in process when there is no Redis; the least recently failed go first. */
const MAX_MEMORY_ENTRIES = 10_000;

/**
 * Atomically: count one failure; keep the count for COUNT_TTL_MS below the threshold, start the
 * lock (lockout length) when it reaches the threshold, leave the lock's expiry alone after that.
 * KEYS[1] the counter; ARGV threshold, lockout ms, count ms. Returns { count, ms left }.
 * Source: Redis docs "INCR" (pattern: rate limiter), "PEXPIRE", "PTTL", "EVAL".
 */
const COUNT_FAILURE_SCRIPT = `
local count = redis.call('INCR', KEYS[1])
local threshold = tonumber(ARGV[1])
if count < threshold then
  redis.call('PEXPIRE', KEYS[1], ARGV[3])
elseif count == threshold then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
end
return { count, redis.call('PTTL', KEYS[1]) }
`;

const scriptResultSchema = z.tuple([z.number().int(), z.number().int()]);

/** The outcome of one login attempt for an email without an account. */
export type UnknownEmailAttempt = { locked: false } | { locked: true; lockedUntil: Date };

/**
 * Lockout for emails that have no account, so the 423 of the user lockout does not reveal which
 * emails are registered (OWASP Authentication Cheat Sheet "Account Lockout", "Authentication and
 * Error Messages"): every attempt is counted before it is answered, and once
 * AUTH_LOCKOUT_THRESHOLD attempts have failed the following ones are refused for
 * AUTH_LOCKOUT_MINUTES, exactly as for a real account. Counts live in Redis under
 * `<REDIS_KEY_PREFIX>login-failures:<sha256 of the email>` (shared by replicas; the email itself is
 * never stored), else — or while Redis fails — in process.
 */
@Injectable()
export class UnknownEmailLockout {
  private readonly logger = new Logger(UnknownEmailLockout.name);
  private readonly memory = new LRUCache<string, number>({ max: MAX_MEMORY_ENTRIES });

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(REDIS_CLIENT) private readonly redis: Redis | null,
  ) {}

  /**
   * Counts one attempt for `email` (compared lower-case) at `now` and says whether it is refused
   * because earlier attempts reached the threshold. An allowed attempt is a failure by definition
   * (the email has no account), so it is already counted.
   */
  async attempt(email: string, now: Date): Promise<UnknownEmailAttempt> {
    const key = `login-failures:${createHash("sha256").update(email.toLowerCase()).digest("hex")}`;
    const { count, msLeft } = await this.countFailure(key);
    if (count <= this.config.auth.lockoutThreshold) {
      return { locked: false };
    }
    // A counter without expiry cannot happen; should it anyway, refuse for the full lockout.
    const remaining = Number.isFinite(msLeft) && msLeft > 0 ? msLeft : this.lockoutMs();
    return { locked: true, lockedUntil: new Date(now.getTime() + remaining) };
  }

  private async countFailure(key: string): Promise<{ count: number; msLeft: number }> {
    if (this.redis) {
      try {
        const result = await this.redis.eval(
          COUNT_FAILURE_SCRIPT,
          1,
          this.config.redis.keyPrefix + key,
          this.config.auth.lockoutThreshold,
          this.lockoutMs(),
          COUNT_TTL_MS,
        );
        const [count, msLeft] = scriptResultSchema.parse(result);
        return { count, msLeft };
      } catch (error) {
        this.logger.warn({ err: error }, "Redis failed; counting unknown-email logins in process");
      }
    }
    return this.countInMemory(key);
  }

  /** The in-process twin of COUNT_FAILURE_SCRIPT; synchronous, so atomic within the process. */
  private countInMemory(key: string): { count: number; msLeft: number } {
    const count = (this.memory.get(key) ?? 0) + 1;
    const threshold = this.config.auth.lockoutThreshold;
    if (count < threshold) {
      this.memory.set(key, count, { ttl: COUNT_TTL_MS });
    } else if (count === threshold) {
      this.memory.set(key, count, { ttl: this.lockoutMs() });
    } else {
      this.memory.set(key, count, { noUpdateTTL: true });
    }
    return { count, msLeft: this.memory.getRemainingTTL(key) };
  }

  private lockoutMs(): number {
    return this.config.auth.lockoutMinutes * 60_000;
  }
}
