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
import { REDIS_CLIENT } from "../cache/redis-client.js";
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
 * How often a replica reads the whole list again and drops expired entries from its copy, ms:
 * the bound on how long an announcement lost on a subscription that died without a word (no
 * `close` yet) can go unnoticed.
 */
const RELOAD_INTERVAL_MS = 5_000;

/**
 * Sessions whose access tokens must stop working before they expire (logout, a reused refresh
 * token), kept for {@link ACCESS_TOKEN_TTL_SECONDS} — after that every access token of the
 * session has expired on its own and the refresh tokens are refused by the database. Checked by
 * `AuthGuard` on every request with no database read (DESIGN.md §7; decision 0017).
 *
 * Embedded, the list is the in-process cache store. With Redis, each denial is written to the
 * store key (as before), to a sorted set, and announced on a channel every replica subscribes to;
 * each replica keeps the whole list in memory, loaded from the sorted set once its subscription
 * is in place, and answers `isDenied` from it — a warm request makes no Redis round trip for it
 * (decision 0057, amended). While that subscription is not in place (starting, Redis
 * reconnecting) the copy is not trusted and every check reads the store key, as before. Another
 * replica learns a denial when Redis delivers the announcement, which it sends before it answers
 * the denying replica, and at the latest from its next reload ({@link RELOAD_INTERVAL_MS}).
 * Source: Redis docs, "Pub/Sub" (at-most-once delivery to connected
 * subscribers: hence the reload on every resubscription).
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
  private subscriber: Redis | null = null;
  private reloadTimer: NodeJS.Timeout | undefined;
  private readonly setKey: string;
  private readonly channel: string;

  constructor(
    @Inject(CACHE_STORE) private readonly store: CacheStore,
    @Optional() @Inject(REDIS_CLIENT) private readonly redis: Redis | null = null,
    @Optional() @Inject(APP_CONFIG) config?: AppConfig,
  ) {
    const prefix = config?.redis.keyPrefix ?? "";
    this.setKey = `${prefix}${DENIED_SET}`;
    this.channel = `${prefix}${DENIED_CHANNEL}`;
  }

  onModuleInit(): void {
    if (!this.redis) {
      return;
    }
    // A subscribed connection can send nothing else, hence its own. It subscribes on every
    // (re)connection itself, so the copy is reloaded only once the subscription is in place.
    const subscriber = this.redis.duplicate({
      lazyConnect: false,
      enableOfflineQueue: true,
      maxRetriesPerRequest: null,
      commandTimeout: undefined,
      enableAutoPipelining: false,
      autoResubscribe: false,
    });
    this.subscriber = subscriber;
    subscriber.on("error", (error: Error) =>
      this.logger.warn({ err: error }, "Redis session deny-list subscriber error"),
    );
    subscriber.on("close", () => this.distrust());
    subscriber.on("ready", () => void this.follow(subscriber));
    subscriber.on("message", (channel: string, sessionId: string) => {
      if (channel === this.channel) {
        this.denied.set(sessionId, Date.now() + ACCESS_TOKEN_TTL_SECONDS * 1000);
      }
    });
    this.reloadTimer = setInterval(
      () => void this.reload().catch(() => undefined),
      RELOAD_INTERVAL_MS,
    );
    this.reloadTimer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.reloadTimer);
    this.distrust();
    const subscriber = this.subscriber;
    this.subscriber = null;
    await subscriber?.quit().catch(() => subscriber.disconnect());
  }

  /**
   * Denies session `sessionId` (a refresh-token family id) from now on, on every replica.
   * @throws the store's error: a logout must not report success while the session still works.
   */
  async deny(sessionId: string): Promise<void> {
    const until = Date.now() + ACCESS_TOKEN_TTL_SECONDS * 1000;
    await this.store.set(deniedSessionKey(sessionId), "1", ACCESS_TOKEN_TTL_SECONDS);
    this.denied.set(sessionId, until);
    if (this.redis) {
      await this.redis
        .multi()
        .zadd(this.setKey, until, sessionId)
        .zremrangebyscore(this.setKey, "-inf", Date.now())
        .pexpire(this.setKey, ACCESS_TOKEN_TTL_SECONDS * 1000)
        .publish(this.channel, sessionId)
        .exec();
    }
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
    try {
      await subscriber.subscribe(this.channel);
      await this.reload();
      // A subscription that dropped while loading leaves the copy untrusted.
      this.live = subscriber.status === "ready" && this.subscriber === subscriber;
    } catch (error) {
      this.logger.warn(
        { err: error },
        "Could not follow the session deny-list; checking the store on every request",
      );
    }
  }

  /** The copy may have missed announcements: every check reads the store until reloaded. */
  private distrust(): void {
    this.live = false;
  }

  /**
   * Adds the shared list's current entries to the copy (never replaces it: an announcement heard
   * while the read was under way stays) and drops the expired ones.
   * @throws the Redis error when the list cannot be read.
   */
  private async reload(): Promise<void> {
    if (!this.redis) {
      return;
    }
    const now = Date.now();
    const entries = await this.redis.zrangebyscore(this.setKey, now, "+inf", "WITHSCORES");
    for (let i = 0; i + 1 < entries.length; i += 2) {
      this.denied.set(String(entries[i]), Number(entries[i + 1]));
    }
    for (const [sessionId, until] of this.denied) {
      if (until <= now) {
        this.denied.delete(sessionId);
      }
    }
  }
}
