import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import {
  Logger,
  type LoggerService,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from "@nestjs/common";
import { type SfEventsChannelHealth, type SfEventsHealth } from "@portal/domain";
import { isReplayIdHex } from "@portal/salesforce";
import { AppError } from "../http/app-error.js";
import { type SfEventReplayRow } from "./schema/sf-event-replays.js";
import { type LeaderLeaseRow } from "./schema/leader-leases.js";
import {
  type SubscriberError,
  TopicSubscriber,
  type TopicState,
  type TopicSubscriberDeps,
} from "./topic-subscriber.js";

/** The lease that makes one replica the subscriber. */
export const SF_EVENTS_LEASE = "sf-events";

/** The subscriber's settings (`config.sfEvents`). */
export interface SfEventsSettings {
  enabled: boolean;
  topics: readonly string[];
  /** Events requested at a time per topic, 1–100. */
  batchSize: number;
  /** Leader lease length, seconds; renewed (and watched by standbys) every quarter of it. */
  leaseSeconds: number;
}

/** What the service needs besides its settings: the Nest module passes the real ones, tests fakes. */
export interface SfEventsDeps extends Pick<
  TopicSubscriberDeps,
  "subscribe" | "handle" | "counters" | "reconnectDelayMs"
> {
  replays: TopicSubscriberDeps["replays"] & {
    all(): Promise<SfEventReplayRow[]>;
    requestReplay(topic: string, replayId: string, now: Date): Promise<void>;
    applyRequested(topic: string, requested: string, now: Date): Promise<boolean>;
  };
  leases: {
    acquire(
      name: string,
      holder: string,
      now: Date,
      expiresAt: Date,
    ): Promise<LeaderLeaseRow | null>;
    get(name: string): Promise<LeaderLeaseRow | null>;
    release(name: string, holder: string): Promise<void>;
  };
  /** The clock of leases and health; default the system clock. */
  now?: () => Date;
  /** This process's lease holder id; default a random UUID. */
  holderId?: string;
  /** Whether leadership is checked on a timer (default) or only by `checkLeadership` (tests). */
  autoCheck?: boolean;
  logger?: Pick<LoggerService, "log" | "warn" | "error">;
}

/**
 * The Salesforce Pub/Sub subscriber of the BFF (DESIGN.md §6 step 3, §9; decision 0065). Exactly
 * one replica subscribes: every replica tries to take the `sf-events` lease in PostgreSQL every
 * quarter of `leaseSeconds`; the holder renews it at that pace and runs one
 * {@link TopicSubscriber} per configured topic, a standby takes it over once it has expired (so
 * within 1.25 × `leaseSeconds` of the leader's death), and a leader that can no longer renew stops
 * subscribing when its lease runs out. Shutdown stops the subscriptions — the event being handled
 * finishes and is acknowledged — and releases the lease, so a standby takes over at its next check.
 */
export class SfEventsService implements OnApplicationBootstrap, OnModuleDestroy {
  readonly holderId: string;
  private readonly subscribers: Map<string, TopicSubscriber>;
  private readonly now: () => Date;
  private readonly logger: Pick<LoggerService, "log" | "warn" | "error">;
  private leading = false;
  private leaseExpiresAt: Date | null = null;
  private leaseError: SubscriberError | null = null;
  private checking: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(
    private readonly settings: SfEventsSettings,
    private readonly deps: SfEventsDeps,
  ) {
    this.holderId = deps.holderId ?? randomUUID();
    this.now = deps.now ?? (() => new Date());
    this.logger = deps.logger ?? new Logger(SfEventsService.name);
    this.subscribers = new Map(
      settings.topics.map((topic) => [
        topic,
        new TopicSubscriber(topic, {
          subscribe: deps.subscribe,
          replays: deps.replays,
          handle: deps.handle,
          counters: deps.counters,
          now: this.now,
          batchSize: settings.batchSize,
          reconnectDelayMs: deps.reconnectDelayMs,
          logger: this.logger,
        }),
      ]),
    );
  }

  /** Starts the leadership checks when enabled (the first at once). */
  onApplicationBootstrap(): void {
    if (!this.settings.enabled || this.deps.autoCheck === false) return;
    // Health shows only the holder id; the log ties it to the host and process.
    this.logger.log(
      { holderId: this.holderId, host: hostname(), pid: process.pid },
      "Salesforce event subscriber started",
    );
    const loop = () => {
      void this.checkLeadership().finally(() => {
        if (this.stopped) return;
        this.timer = setTimeout(loop, this.checkIntervalMs());
        this.timer.unref();
      });
    };
    loop();
  }

  /** Stops subscribing and releases the lease (clean shutdown). */
  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.checking;
    const wasLeading = this.leading;
    await this.standDown();
    if (wasLeading) {
      await this.deps.leases.release(SF_EVENTS_LEASE, this.holderId).catch((error: unknown) => {
        this.logger.warn({ err: error }, "Could not release the sf-events lease; it expires");
      });
    }
  }

  /**
   * Takes or renews the lease and starts or stops the subscriptions accordingly; as leader, also
   * applies operators' replay requests. Never rejects (a database failure is kept for health; a
   * leader whose lease ran out meanwhile stops). Calls run one after another.
   */
  checkLeadership(): Promise<void> {
    this.checking = this.checking.then(() => this.checkOnce());
    return this.checking;
  }

  /**
   * Makes the subscriber replay `topic` from `replayId` (hex, as health shows it): the events
   * after it are delivered again (handlers are idempotent). Stored in the database; the leading
   * replica applies it at its next lease check — at once when this process leads.
   * @throws AppError `VALIDATION_FAILED` naming `topic` (not a subscribed topic) or `replayId` (not
   *   hex of a replay id).
   */
  async replayFrom(topic: string, replayId: string): Promise<void> {
    if (!this.subscribers.has(topic)) {
      throw new AppError("VALIDATION_FAILED", "Not a subscribed topic", {
        fields: { topic: `must be one of ${[...this.subscribers.keys()].join(", ")}` },
      });
    }
    if (!isReplayIdHex(replayId)) {
      throw new AppError("VALIDATION_FAILED", "Not a replay id", {
        fields: { replayId: "must be a replay id in lower-case hex, as health shows it" },
      });
    }
    await this.deps.replays.requestReplay(topic, replayId, this.now());
    this.logger.warn({ topic, replayId }, "Replay of Salesforce events requested");
    if (this.leading) await this.checkLeadership();
  }

  /** What `GET /api/health/sf-events` answers (`sfEventsHealthSchema`). */
  async health(): Promise<SfEventsHealth> {
    const now = this.now();
    let databaseError: SubscriberError | null = null;
    // The report still answers when the database does not: from this process's own state.
    const [lease, rows] = this.settings.enabled
      ? await Promise.all([this.deps.leases.get(SF_EVENTS_LEASE), this.deps.replays.all()]).catch(
          (error: unknown) => {
            this.logger.warn({ err: error }, "Could not read the sf-events state for health");
            databaseError = { at: now.toISOString(), error: "database unreachable", code: null };
            return [null, [] as SfEventReplayRow[]] as const;
          },
        )
      : [null, []];
    const stored = new Map(rows.map((row) => [row.topic, row]));
    const live = lease !== null && lease.expiresAt > now;
    const channels = [...this.subscribers.values()].map((subscriber) =>
      channelHealth(subscriber.state(), stored.get(subscriber.topic) ?? null, this.leading, now),
    );
    const errors = [
      databaseError,
      this.leaseError,
      ...channels.map((channel) => (channel.status === "subscribed" ? null : channel.lastError)),
    ].filter((error): error is SubscriberError => error !== null);
    return {
      enabled: this.settings.enabled,
      subscriber: {
        status: !this.settings.enabled
          ? "disabled"
          : !this.leading
            ? "standby"
            : channels.some((channel) => channel.status === "reconnecting")
              ? "reconnecting"
              : channels.some((channel) => channel.status !== "subscribed")
                ? "connecting"
                : "subscribed",
        lastError: errors.sort((a, b) => b.at.localeCompare(a.at))[0] ?? null,
      },
      leader: {
        holderId: live ? lease.holder : null,
        isThisProcess: live && lease.holder === this.holderId,
        leaseExpiresAt: live ? lease.expiresAt.toISOString() : null,
      },
      channels,
    };
  }

  private async checkOnce(): Promise<void> {
    if (!this.settings.enabled) return;
    const now = this.now();
    const expiresAt = new Date(now.getTime() + this.settings.leaseSeconds * 1000);
    try {
      const lease = this.stopped
        ? null
        : await this.deps.leases.acquire(SF_EVENTS_LEASE, this.holderId, now, expiresAt);
      this.leaseError = null;
      if (lease?.holder === this.holderId) {
        this.leaseExpiresAt = expiresAt;
        if (!this.leading) {
          this.logger.log({ holderId: this.holderId }, "Took the sf-events lease; subscribing");
          this.leading = true;
        }
        // A no-op for running subscribers; restarts one a failed replay request left stopped.
        for (const subscriber of this.subscribers.values()) subscriber.start();
        await this.applyReplayRequests();
      } else if (this.leading) {
        this.logger.warn(
          { holderId: this.holderId, holder: lease?.holder },
          "Another replica holds the sf-events lease; standing by",
        );
        await this.standDown();
      }
    } catch (error) {
      this.leaseError = {
        at: now.toISOString(),
        error: error instanceof Error ? error.name : "Error",
        code: null,
      };
      this.logger.error({ err: error }, "Could not take or renew the sf-events lease");
      if (this.leading && this.leaseExpiresAt !== null && now >= this.leaseExpiresAt) {
        await this.standDown();
      }
    }
  }

  /** As leader: restarts each topic with a pending replay request from the requested id. */
  private async applyReplayRequests(): Promise<void> {
    const rows = await this.deps.replays.all();
    for (const row of rows) {
      const subscriber = this.subscribers.get(row.topic);
      if (row.requestedReplayId === null || subscriber === undefined) continue;
      await subscriber.stop();
      try {
        const applied = await this.deps.replays.applyRequested(
          row.topic,
          row.requestedReplayId,
          this.now(),
        );
        this.logger.warn(
          { topic: row.topic, replayId: row.requestedReplayId, applied },
          "Replaying Salesforce events from the requested replay id",
        );
      } finally {
        if (!this.stopped && this.leading) subscriber.start();
      }
    }
  }

  private async standDown(): Promise<void> {
    this.leading = false;
    this.leaseExpiresAt = null;
    await Promise.all([...this.subscribers.values()].map((subscriber) => subscriber.stop()));
  }

  private checkIntervalMs(): number {
    return (this.settings.leaseSeconds * 1000) / 4;
  }
}

/** One topic's health from this process's subscriber and the stored row. */
function channelHealth(
  state: TopicState,
  stored: SfEventReplayRow | null,
  leading: boolean,
  now: Date,
): SfEventsChannelHealth {
  const lastReplayId = stored?.replayId ?? state.lastReplayId;
  const lastCommitAt = state.lastCommitAt ?? stored?.lastCommitAt?.toISOString() ?? null;
  return {
    channel: state.topic,
    status: leading ? state.status : "standby",
    replay: {
      lastReplayId,
      storedAt: stored?.updatedAt.toISOString() ?? null,
      latestReplayId: state.latestReplayId,
    },
    lastEventAt: state.lastEventAt,
    lastCommitAt,
    lag: {
      caughtUp:
        state.latestReplayId === null || lastReplayId === null
          ? null
          : state.latestReplayId === lastReplayId,
      secondsSinceLastCommit:
        lastCommitAt === null
          ? null
          : Math.max(0, Math.round((now.getTime() - Date.parse(lastCommitAt)) / 1000)),
    },
    resubscribedFromEarliest: state.resubscribedFromEarliest,
    lastError: state.lastError,
  };
}
