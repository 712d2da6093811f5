import {
  Inject,
  Injectable,
  Logger,
  type OnModuleDestroy,
  type OnModuleInit,
  Optional,
} from "@nestjs/common";
import { type Redis } from "ioredis";
import { CACHE_STORE, type CacheStore } from "../cache/cache-store.js";
import { openSubscriber, REDIS_CLIENT } from "../cache/redis-client.js";
import { APP_CONFIG } from "../config/config.module.js";
import { type AppConfig } from "../config/config.schema.js";
import { ACCESS_TOKEN_TTL_SECONDS } from "./access-token.service.js";

/** The store key of revoked session `sessionId` (a refresh-token family id; decision 0017). */
const deniedSessionKey = (sessionId: string) => `session-denied:${sessionId}`;

/**
 * Redis names (after `REDIS_KEY_PREFIX`) of the replicas' shared view of the list: a sorted set
 * of denied session ids scored by when their denial ends (epoch ms), read whole when a replica
 * (re)subscribes, and the channel each new denial is announced on.
 */
const DENIED_SET = "session-denied";
const DENIED_CHANNEL = "session-denied:announcements";

/**
 * How often a following replica reads the whole list again and drops expired entries from its
 * copy, or tries again to follow it, ms: the bound on how long an announcement lost on a
 * subscription that died without a word (no `close` yet) can go unnoticed.
 */
const RELOAD_INTERVAL_MS = 5_000;

/** TCP keep-alive of the subscriber connection, ms: a dead peer ends it (`close`) on its own. */
const SUBSCRIBER_KEEP_ALIVE_MS = 10_000;

/**
 * Sessions whose access tokens must stop working before they expire (logout, a reused refresh
 * token), kept for {@link ACCESS_TOKEN_TTL_SECONDS} — after that every access token of the
 * session has expired on its own and the refresh tokens are refused by the database. Checked by
 * `AuthGuard` on every request with no database read (DESIGN.md §7; decision 0017).
 *
 * Embedded, the list is the in-process cache store. With Redis, each denial is written in one
 * transaction to the store key, to a sorted set and announced on a channel every replica
 * subscribes to; each replica keeps the whole list in memory, loaded from the sorted set once its
 * subscription is in place, and answers `isDenied` from it — a warm request makes no Redis round
 * trip for it (decision 0080). While the copy is not trusted — not yet subscribed, the
 * subscription closed, or the last reload failed — every check reads the store key, as before,
 * and the replica tries to follow again every {@link RELOAD_INTERVAL_MS}. Another replica learns a
 * denial when Redis delivers the announcement, which it sends before it answers the denying
 * replica, and otherwise from its next successful reload. Source: Redis docs, "Pub/Sub"
 * (at-most-once delivery to connected subscribers: hence the reloads).
 *
 * A store that cannot be reached does not lock every customer out: the check then admits the
 * token (logged), which is the exposure the deny-list exists to shorten, not a new one.
 */
@Injectable()
export class SessionDenyList implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(SessionDenyList.name);
  /** This replica's copy: session id → when its denial ends (epoch ms); trusted while `live`. */
  private readonly denied = new Map<string, number>();
  private live = false;
  /** Counts subscriber connections: a `follow` begun on an earlier one never sets `live`. */
  private connection = 0;
  private subscriber: Redis | null = null;
  private timer: NodeJS.Timeout | undefined;
  private readonly prefix: string;

  constructor(
    @Inject(CACHE_STORE) private readonly store: CacheStore,
    @Optional() @Inject(REDIS_CLIENT) private readonly redis: Redis | null = null,
    @Optional() @Inject(APP_CONFIG) config?: AppConfig,
  ) {
    if (redis && !config) {
      throw new Error("SessionDenyList on Redis needs the configuration (REDIS_KEY_PREFIX)");
    }
    this.prefix = config?.redis.keyPrefix ?? "";
  }

  onModuleInit(): void {
    if (!this.redis) {
      return;
    }
    // A subscribed connection can send nothing else, hence its own. It subscribes on every
    // (re)connection itself, so the copy is reloaded only once the subscription is in place.
    const subscriber = openSubscriber(this.redis, "session deny-list", {
      autoResubscribe: false,
      keepAlive: SUBSCRIBER_KEEP_ALIVE_MS,
    });
    this.subscriber = subscriber;
    subscriber.on("close", () => {
      this.connection += 1;
      this.live = false;
    });
    subscriber.on("ready", () => void this.follow(subscriber));
    subscriber.on("message", (channel: string, sessionId: string) => {
      if (channel === this.name(DENIED_CHANNEL)) {
        this.denied.set(sessionId, Date.now() + ACCESS_TOKEN_TTL_SECONDS * 1000);
      }
    });
    this.timer = setInterval(() => {
      if (this.live) {
        void this.reload();
      } else if (subscriber.status === "ready") {
        void this.follow(subscriber);
      }
    }, RELOAD_INTERVAL_MS);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    this.live = false;
    const subscriber = this.subscriber;
    this.subscriber = null;
    await subscriber?.quit().catch(() => subscriber.disconnect());
  }

  /**
   * Denies session `sessionId` (a refresh-token family id) from now on, on every replica: with
   * Redis, the store key, the sorted set and the announcement in one `MULTI`, so a replica that
   * follows the list and one that reads the key never disagree.
   * @throws the store's or Redis's error: a logout must not report success while the session
   *   still works.
   */
  async deny(sessionId: string): Promise<void> {
    if (!this.redis) {
      await this.store.set(deniedSessionKey(sessionId), "1", ACCESS_TOKEN_TTL_SECONDS);
      return;
    }
    const until = Date.now() + ACCESS_TOKEN_TTL_SECONDS * 1000;
    const results = await this.redis
      .multi()
      .set(this.name(deniedSessionKey(sessionId)), "1", "EX", ACCESS_TOKEN_TTL_SECONDS)
      .zadd(this.name(DENIED_SET), until, sessionId)
      .zremrangebyscore(this.name(DENIED_SET), "-inf", Date.now())
      .pexpire(this.name(DENIED_SET), ACCESS_TOKEN_TTL_SECONDS * 1000)
      .publish(this.name(DENIED_CHANNEL), sessionId)
      .exec();
    const failed = results?.find(([error]) => error)?.[0];
    if (!results || failed) {
      throw failed ?? new Error("Redis discarded the session denial");
    }
    this.denied.set(sessionId, until);
  }

  /** Whether session `sessionId` was denied (false when the store cannot be read). */
  async isDenied(sessionId: string): Promise<boolean> {
    if (this.live) {
      const until = this.denied.get(sessionId);
      return until !== undefined && until > Date.now();
    }
    try {
      return (await this.store.get(deniedSessionKey(sessionId))) !== undefined;
    } catch (error) {
      this.logger.warn({ err: error, sessionId }, "Session deny-list unreadable; admitting");
      return false;
    }
  }

  /** Subscribes, then loads the current list: from then on the copy is trusted. */
  private async follow(subscriber: Redis): Promise<void> {
    const connection = this.connection;
    try {
      await subscriber.subscribe(this.name(DENIED_CHANNEL));
      if (!(await this.reload())) {
        return;
      }
      // Not when the subscription this load relied on has closed since.
      this.live =
        connection === this.connection &&
        this.subscriber === subscriber &&
        subscriber.status === "ready";
    } catch (error) {
      this.logger.warn(
        { err: error },
        "Could not follow the session deny-list; checking the store on every request",
      );
    }
  }

  /**
   * Drops the expired entries of the copy, then adds the shared list's current entries (never
   * replaces it: an announcement heard while the read was under way stays). A failed read leaves
   * the copy untrusted until a later one succeeds.
   * @returns whether the list was read.
   */
  private async reload(): Promise<boolean> {
    const now = Date.now();
    for (const [sessionId, until] of this.denied) {
      if (until <= now) {
        this.denied.delete(sessionId);
      }
    }
    if (!this.redis) {
      return false;
    }
    try {
      const entries = await this.redis.zrangebyscore(
        this.name(DENIED_SET),
        now,
        "+inf",
        "WITHSCORES",
      );
      for (let i = 0; i + 1 < entries.length; i += 2) {
        this.denied.set(String(entries[i]), Number(entries[i + 1]));
      }
      return true;
    } catch (error) {
      this.live = false;
      this.logger.warn({ err: error }, "Could not read the session deny-list; following it again");
      return false;
    }
  }

  /** Redis name `name` under this deployment's `REDIS_KEY_PREFIX`. */
  private name(name: string): string {
    return `${this.prefix}${name}`;
  }
}
