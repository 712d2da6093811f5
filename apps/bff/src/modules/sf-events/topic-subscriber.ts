import { Logger, type LoggerService } from "@nestjs/common";
import { UpstreamError } from "@portal/integration-core";
import { isUnprocessable } from "./unprocessable-event.js";
import {
  isReplayIdRejected,
  type PubSubBatch,
  type PubSubEvent,
  type PubSubSubscription,
  type ReplayStart,
  type SubscribeRequest,
  type SubscriptionListener,
} from "@portal/salesforce";
import { reconnectDelayMs } from "./reconnect-delay.js";
import { type SfEventCounters } from "./sf-event-counters.js";

/** Where a topic's subscription stands. */
export type TopicStatus = "connecting" | "subscribed" | "reconnecting" | "stopped";

/** A failure as health shows it: when, a class (`SalesforceError: unavailable`), the code. */
export interface SubscriberError {
  at: string;
  error: string;
  code: string | null;
}

/** One topic's subscription as health shows it (times ISO 8601 UTC). */
export interface TopicState {
  topic: string;
  status: TopicStatus;
  /** Replay id (hex) of the last event acknowledged by this process, null before the first. */
  lastReplayId: string | null;
  /** `latest_replay_id` of the last batch or keep-alive: the newest the server knows. */
  latestReplayId: string | null;
  /** When this process last received an event of the topic. */
  lastEventAt: string | null;
  /** Commit time of the last event handled (publish time for platform events). */
  lastCommitAt: string | null;
  /** When and why the last subscribe started from `EARLIEST` because the stored id was refused. */
  resubscribedFromEarliest: { at: string; reason: string } | null;
  lastError: SubscriberError | null;
}

/** What a topic subscriber needs; fakes in the unit tests. */
export interface TopicSubscriberDeps {
  /** `SalesforcePubSubClient.subscribe`. */
  subscribe(request: SubscribeRequest, listener: SubscriptionListener): PubSubSubscription;
  /** The stored position (`SfEventReplaysRepository`). */
  replays: {
    get(topic: string): Promise<{ replayId: string } | null>;
    store(topic: string, replayId: string, now: Date, lastCommitAt?: Date | null): Promise<void>;
  };
  /** The event's durable effect (`SfEventHandler.handle`). */
  handle(event: PubSubEvent): Promise<void>;
  counters: SfEventCounters;
  now(): Date;
  /** Events requested at a time, 1–100. */
  batchSize: number;
  /** Delay before reconnect attempt n; default {@link reconnectDelayMs}. */
  reconnectDelayMs?: (attempt: number) => number;
  logger?: Pick<LoggerService, "log" | "warn" | "error">;
}

/**
 * Keeps one topic subscribed while started (decision 0065): subscribes from the stored replay id
 * (`CUSTOM`; `EARLIEST` when none is stored, or after Salesforce refused the stored one as
 * unknown or expired), asks for `batchSize` events and for as many more as it handled, handles
 * each event in order and stores its replay id only after the handler resolved (at least once: a
 * failure ends the subscription and the event comes again). A keep-alive's `latest_replay_id` is
 * stored when events were requested and none waited, so a quiet topic's position does not age
 * out of the 72 h retention. Any other end reconnects after an exponential, jittered delay;
 * credentials the server refused are renewed by the client on the next subscribe.
 */
export class TopicSubscriber {
  private status: TopicStatus = "stopped";
  private lastReplayId: string | null = null;
  private latestReplayId: string | null = null;
  private lastEventAt: string | null = null;
  private lastCommitAt: string | null = null;
  private resubscribedFromEarliest: TopicState["resubscribedFromEarliest"] = null;
  private lastError: SubscriberError | null = null;

  private stopping = false;
  private running: Promise<void> | undefined;
  private subscription: PubSubSubscription | undefined;
  private wake: (() => void) | undefined;
  private readonly logger: Pick<LoggerService, "log" | "warn" | "error">;

  constructor(
    readonly topic: string,
    private readonly deps: TopicSubscriberDeps,
  ) {
    this.logger = deps.logger ?? new Logger(TopicSubscriber.name);
  }

  /** Starts subscribing (no-op while running). */
  start(): void {
    if (this.running) return;
    this.stopping = false;
    this.status = "connecting";
    this.running = this.run().finally(() => {
      this.running = undefined;
      this.status = "stopped";
    });
  }

  /**
   * Ends the subscription and resolves once it has: an event being handled finishes (and its
   * replay id is stored) first.
   */
  async stop(): Promise<void> {
    this.stopping = true;
    this.subscription?.cancel();
    this.wake?.();
    await this.running;
  }

  state(): TopicState {
    return {
      topic: this.topic,
      status: this.status,
      lastReplayId: this.lastReplayId,
      latestReplayId: this.latestReplayId,
      lastEventAt: this.lastEventAt,
      lastCommitAt: this.lastCommitAt,
      resubscribedFromEarliest: this.resubscribedFromEarliest,
      lastError: this.lastError,
    };
  }

  private async run(): Promise<void> {
    let attempt = 0;
    let fromEarliest = false;
    while (!this.stopping) {
      let ended: Error | null;
      try {
        const start = fromEarliest ? { preset: "EARLIEST" as const } : await this.storedStart();
        fromEarliest = false;
        this.status = attempt === 0 ? "connecting" : "reconnecting";
        ended = await this.subscribeOnce(start, () => {
          attempt = 0;
        });
      } catch (error) {
        ended = error instanceof Error ? error : new Error(String(error));
      }
      if (this.stopping) return;
      this.lastError = describe(ended, this.deps.now());
      if (isReplayIdRejected(ended)) {
        fromEarliest = true;
        this.resubscribedFromEarliest = {
          at: this.deps.now().toISOString(),
          reason: this.lastError.code ?? "replay id refused",
        };
        this.deps.counters.resubscribed(this.topic, "replay_id_rejected");
        this.logger.warn(
          { topic: this.topic, err: ended },
          "Salesforce refused the stored replay id; subscribing again from EARLIEST",
        );
        continue;
      }
      attempt += 1;
      this.status = "reconnecting";
      this.deps.counters.resubscribed(this.topic, "error");
      const delay = (this.deps.reconnectDelayMs ?? reconnectDelayMs)(attempt);
      this.logger.warn(
        { topic: this.topic, err: ended, attempt, delayMs: delay },
        "Salesforce event subscription ended; reconnecting",
      );
      await this.pause(delay);
    }
  }

  /** After the stored replay id, or from `EARLIEST` when none is stored. */
  private async storedStart(): Promise<ReplayStart> {
    const stored = await this.deps.replays.get(this.topic);
    if (stored === null) return { preset: "EARLIEST" };
    this.lastReplayId ??= stored.replayId;
    return { preset: "CUSTOM", replayId: stored.replayId };
  }

  /** One subscription; resolves with how it ended (null: cancelled by `stop`). */
  private subscribeOnce(replay: ReplayStart, onBatch: () => void): Promise<Error | null> {
    return new Promise((resolve) => {
      const subscription = this.deps.subscribe(
        { topic: this.topic, replay, numRequested: this.deps.batchSize },
        {
          open: () => {
            if (!this.stopping) this.status = "subscribed";
          },
          batch: async (batch) => {
            onBatch();
            this.status = "subscribed";
            await this.handleBatch(batch, subscription);
          },
          end: (error) => {
            this.subscription = undefined;
            resolve(error);
          },
        },
      );
      this.subscription = subscription;
      if (this.stopping) subscription.cancel();
    });
  }

  private async handleBatch(batch: PubSubBatch, subscription: PubSubSubscription): Promise<void> {
    if (batch.latestReplayId !== "") this.latestReplayId = batch.latestReplayId;
    for (const event of batch.events) {
      this.deps.counters.received(this.topic);
      this.lastEventAt = this.deps.now().toISOString();
      try {
        await this.deps.handle(event);
      } catch (error) {
        if (!isUnprocessable(error)) {
          this.deps.counters.failed(this.topic);
          throw error;
        }
        // Delivering it again would fail the same way: record it and pass over it.
        this.deps.counters.skipped(this.topic);
        this.logger.error(
          { topic: this.topic, replayId: event.replayId, eventId: event.eventId, err: error },
          "Salesforce event cannot be handled; passed over (replay it once fixed)",
        );
      }
      const committed =
        event.kind === "change"
          ? event.commitTimestamp
          : event.kind === "unreadable"
            ? event.receivedAt
            : event.createdAt;
      await this.deps.replays.store(
        this.topic,
        event.replayId,
        this.deps.now(),
        new Date(committed),
      );
      this.deps.counters.handled(this.topic);
      this.lastReplayId = event.replayId;
      this.lastCommitAt = committed;
    }
    if (batch.events.length > 0) {
      subscription.request(batch.events.length);
    } else if (
      batch.pendingNumRequested > 0 &&
      batch.latestReplayId !== "" &&
      batch.latestReplayId !== this.lastReplayId
    ) {
      // A keep-alive while events were requested: none waits, so its position is safe to keep.
      await this.deps.replays.store(this.topic, batch.latestReplayId, this.deps.now());
      this.lastReplayId = batch.latestReplayId;
    }
  }

  /** Waits `ms`, or less when `stop` is called. */
  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      timer.unref();
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = () => {
        this.wake = undefined;
        done();
      };
    });
  }
}

/** A failure for health: its class and kind (`SalesforceError: unavailable`) and vendor code. */
function describe(error: Error | null, now: Date): SubscriberError {
  if (error instanceof UpstreamError) {
    return {
      at: now.toISOString(),
      error: `${error.name}: ${error.kind}`,
      code: error.vendorCode ?? null,
    };
  }
  return { at: now.toISOString(), error: error?.name ?? "Error", code: null };
}
