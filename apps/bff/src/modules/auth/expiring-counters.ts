import { Inject, Injectable, Logger } from "@nestjs/common";
import { type Redis } from "ioredis";
import { LRUCache } from "lru-cache";
import { z } from "zod";
import { REDIS_CLIENT } from "../cache/redis-client.js";
import { APP_CONFIG } from "../config/config.module.js";
import { type AppConfig } from "../config/config.schema.js";

/** Keys counted in process when there is no Redis; the least recently counted go first. */
const MAX_MEMORY_ENTRIES = 10_000;

/**
 * Atomically: count one event; keep the count for the window below the threshold, start the
 * lock when it reaches the threshold, leave the lock's expiry alone after that.
 * KEYS[1] the counter; ARGV threshold, lock ms, window ms. Returns { count, ms left }.
 * Source: Redis docs "INCR" (pattern: rate limiter), "PEXPIRE", "PTTL", "EVAL".
 */
const COUNT_SCRIPT = `
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

/**
 * How a counter expires: below `threshold` the count lives `windowMs` from its latest event; the
 * event that reaches it starts a lock of `lockMs`, which later events do not extend.
 */
export interface CounterPolicy {
  threshold: number;
  windowMs: number;
  lockMs: number;
}

/** One counted event: the count so far including it, and how long the counter still lives (ms). */
export interface CountedEvent {
  count: number;
  msLeft: number;
}

/**
 * Counters of auth events (failed logins of unknown emails, sign-up codes sent) shared by the
 * replicas: in Redis under `<REDIS_KEY_PREFIX><key>` when Redis is configured, else — or while
 * Redis fails — in process. A caller refuses the event when `count` passes its threshold; keys
 * carry hashes, never an e-mail address or an IP as such.
 */
@Injectable()
export class ExpiringCounters {
  private readonly logger = new Logger(ExpiringCounters.name);
  private readonly memory = new LRUCache<string, number>({ max: MAX_MEMORY_ENTRIES });

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(REDIS_CLIENT) private readonly redis: Redis | null,
  ) {}

  /** Counts one event under `key` with `policy`. */
  async count(key: string, policy: CounterPolicy): Promise<CountedEvent> {
    if (this.redis) {
      try {
        const result = await this.redis.eval(
          COUNT_SCRIPT,
          1,
          this.config.redis.keyPrefix + key,
          policy.threshold,
          policy.lockMs,
          policy.windowMs,
        );
        const [count, msLeft] = scriptResultSchema.parse(result);
        return { count, msLeft };
      } catch (error) {
        this.logger.warn({ err: error }, "Redis failed; counting auth events in process");
      }
    }
    return this.countInMemory(key, policy);
  }

  /** The in-process twin of COUNT_SCRIPT; synchronous, so atomic within the process. */
  private countInMemory(key: string, policy: CounterPolicy): CountedEvent {
    const count = (this.memory.get(key) ?? 0) + 1;
    if (count < policy.threshold) {
      this.memory.set(key, count, { ttl: policy.windowMs });
    } else if (count === policy.threshold) {
      this.memory.set(key, count, { ttl: policy.lockMs });
    } else {
      this.memory.set(key, count, { noUpdateTTL: true });
    }
    // lru-cache reads the clock coarsely: never report more than the longest TTL it was given.
    const longest = Math.max(policy.windowMs, policy.lockMs);
    return { count, msLeft: Math.min(this.memory.getRemainingTTL(key), longest) };
  }
}
