import { readFile } from "node:fs/promises";
import * as grpc from "@grpc/grpc-js";
import { silentLogger, type UpstreamLogger } from "@portal/integration-core";
import { SalesforceError } from "../errors/salesforce-error.js";
import { toPubSubEvent } from "./event-mapper.js";
import { compileEventSchema, type EventSchema } from "./event-schema.js";
import { type PubSubAuth, type PubSubCredentials } from "./pubsub-auth.js";
import { toPubSubError } from "./pubsub-error.js";
import { type PubSubEvent, type UnreadableEvent } from "./pubsub-event.js";
import {
  pubSubClientConstructor,
  REPLAY_PRESET,
  type PubSubGrpcClient,
  type RawFetchRequest,
  type RawFetchResponse,
} from "./pubsub-proto.js";
import { replayIdFromHex, replayIdToHex } from "./replay-id.js";

/**
 * Most events a subscription may have requested and not yet received; larger requests count as
 * this many. Source: vendor-facts §1.5 (Pub/Sub API "Allocations", `Subscribe` RPC).
 */
export const MAX_REQUESTED_EVENTS = 100;

/** Salesforce sends a keep-alive within 270 s; a silent stream is given up after 300 s. */
const DEFAULT_IDLE_TIMEOUT_MS = 300_000;

/** Time limit of one `GetSchema` call. */
const SCHEMA_TIMEOUT_MS = 10_000;

/** Settings of {@link SalesforcePubSubClient}. */
export interface PubSubClientConfig {
  /** `host:port` of the Pub/Sub API: `api.pubsub.salesforce.com:7443`, or the sandbox's stand-in. */
  endpoint: string;
  /**
   * A PEM file of the certificate authority to trust instead of the system's (the sandbox's
   * self-signed certificate, new at each of its starts: read again at every subscribe); null for
   * the system roots.
   */
  caCertificatePath: string | null;
  /** The REST session's credentials (`SalesforceClient.pubSubAuth`). */
  auth: PubSubAuth;
  /** Silence after which a stream counts as dead, ms; default 300 000 (keep-alives come within 270 s). */
  idleTimeoutMs?: number;
  logger?: UpstreamLogger;
}

/**
 * Where a subscription starts: the next new event (`LATEST`), every retained one (`EARLIEST`,
 * 72 hours), or the event after a stored replay id (`CUSTOM`, hex).
 */
export type ReplayStart =
  { preset: "LATEST" } | { preset: "EARLIEST" } | { preset: "CUSTOM"; replayId: string };

/**
 * One `FetchResponse`, decoded: its events in order (none for a keep-alive), the latest replay id
 * the server knows for the subscription (hex; storing it after a keep-alive keeps a quiet topic's
 * position fresh) and how many requested events are still to come.
 */
export interface PubSubBatch {
  events: readonly PubSubEvent[];
  latestReplayId: string;
  pendingNumRequested: number;
}

/** What a subscription tells its owner. */
export interface SubscriptionListener {
  /** The stream is open and the first `FetchRequest` sent (before any batch). */
  open?(): void;
  /**
   * One batch; the next one is not delivered before the returned promise settles. A rejection
   * ends the subscription with that error (the events after it are redelivered on the next
   * subscribe from the last stored replay id).
   */
  batch(batch: PubSubBatch): Promise<void>;
  /**
   * The subscription ended, once, never while a batch is being handled: null after `cancel()`, else why — the batch handler's error or a
   * `SalesforceError` (`auth`: credentials refused, renewed on the next subscribe; `rejected`:
   * e.g. the replay id, see `isReplayIdRejected`; `unavailable`: network, server, no keep-alive;
   * `malformed`: an event that does not decode).
   */
  end(error: Error | null): void;
}

/** A running subscription. */
export interface PubSubSubscription {
  /** Asks for `count` more events (flow control; 1–100, the total outstanding is capped at 100). */
  request(count: number): void;
  /** Ends the subscription; `end(null)` follows once the batch being handled settles. */
  cancel(): void;
}

/** What to subscribe to. */
export interface SubscribeRequest {
  /** `/data/OrderChangeEvent`, `/event/Order_Fulfilment_Requested__e`… (case-sensitive). */
  topic: string;
  replay: ReplayStart;
  /** Events asked for in the first `FetchRequest`, 1–100. */
  numRequested: number;
}

/**
 * A thin client of the Salesforce Pub/Sub API (gRPC, `eventbus.v1.PubSub`) for subscribing
 * (decision 0065): TLS, the REST session's token as metadata (renewed after `UNAUTHENTICATED`),
 * pull-based flow control left to the caller, Avro payloads decoded with schemas fetched by
 * `GetSchema` and cached by schema id, events mapped to {@link PubSubEvent}. Each subscription
 * has its own channel, opened at subscribe and closed when it ends; reconnecting is the caller's
 * (subscribe again from the stored replay id).
 * Source: vendor-facts §1 (`pubsub_api.proto`, flow control, errors).
 */
export class SalesforcePubSubClient {
  readonly #config: PubSubClientConfig;
  readonly #logger: UpstreamLogger;
  readonly #schemas = new Map<string, Promise<EventSchema>>();
  /** Credentials the server refused: the next subscribe renews them. */
  #refused: PubSubCredentials | undefined;

  constructor(config: PubSubClientConfig) {
    this.#config = config;
    this.#logger = config.logger ?? silentLogger;
  }

  /**
   * Subscribes to `request.topic` from `request.replay`, asking for `request.numRequested`
   * events. Never throws: every failure, connecting included, arrives as `listener.end(error)`.
   */
  subscribe(request: SubscribeRequest, listener: SubscriptionListener): PubSubSubscription {
    const subscription = new Subscription(this, request, listener);
    void subscription.start();
    return subscription;
  }

  /** The credentials for the next call: renewed when the server refused the last ones. */
  async credentials(): Promise<PubSubCredentials> {
    const refused = this.#refused;
    if (refused === undefined) return this.#config.auth.current();
    const renewed = await this.#config.auth.renew(refused);
    if (this.#refused === refused) this.#refused = undefined;
    return renewed;
  }

  /** Remembers that the server refused `credentials`. */
  refused(credentials: PubSubCredentials): void {
    this.#refused = credentials;
  }

  /** A new channel to the endpoint, trusting the configured CA (read now) or the system roots. */
  async channel(): Promise<PubSubGrpcClient> {
    const ca =
      this.#config.caCertificatePath === null
        ? null
        : await readFile(this.#config.caCertificatePath).catch((error: unknown) => {
            throw new SalesforceError("unavailable", "subscribe", {
              message: `Cannot read the Pub/Sub API CA certificate ${this.#config.caCertificatePath}`,
              cause: error,
            });
          });
    const Client = pubSubClientConstructor();
    return new Client(this.#config.endpoint, grpc.credentials.createSsl(ca));
  }

  /** The compiled schema `schemaId`, fetched once with `GetSchema` over `channel`. */
  schema(
    schemaId: string,
    channel: PubSubGrpcClient,
    metadata: grpc.Metadata,
  ): Promise<EventSchema> {
    let schema = this.#schemas.get(schemaId);
    if (schema === undefined) {
      schema = new Promise<EventSchema>((resolve, reject) => {
        channel.GetSchema(
          { schema_id: schemaId },
          metadata,
          { deadline: Date.now() + SCHEMA_TIMEOUT_MS },
          (error, info) => {
            if (error) return reject(toPubSubError("getSchema", error));
            try {
              resolve(compileEventSchema(info?.schema_json ?? ""));
            } catch (cause) {
              reject(
                new SalesforceError("malformed", "getSchema", {
                  message: `Schema ${schemaId} is not an Avro record schema`,
                  cause,
                }),
              );
            }
          },
        );
      });
      this.#schemas.set(schemaId, schema);
      // A failed fetch is not remembered: the next event of that schema asks again.
      schema.catch(() => this.#schemas.delete(schemaId));
    }
    return schema;
  }

  get idleTimeoutMs(): number {
    return this.#config.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS;
  }

  get logger(): UpstreamLogger {
    return this.#logger;
  }
}

/** One `Subscribe` stream and the sequential handling of its responses. */
class Subscription implements PubSubSubscription {
  #channel: PubSubGrpcClient | undefined;
  #call: grpc.ClientDuplexStream<RawFetchRequest, RawFetchResponse> | undefined;
  #credentials: PubSubCredentials | undefined;
  #metadata: grpc.Metadata | undefined;
  /** Requests made before the stream opened, sent once it has. */
  #requestedEarly = 0;
  /** The handling of responses, one after another. */
  #handling: Promise<void> = Promise.resolve();
  #cancelled = false;
  #ended = false;
  /** The stream was given up for silence: nothing more is written to it. */
  #silent = false;
  #idleTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly client: SalesforcePubSubClient,
    private readonly subscribeRequest: SubscribeRequest,
    private readonly listener: SubscriptionListener,
  ) {}

  async start(): Promise<void> {
    try {
      const credentials = await this.client.credentials();
      this.#credentials = credentials;
      this.#channel = await this.client.channel();
      if (this.#cancelled) return this.#finish(null);
      const metadata = new grpc.Metadata();
      metadata.set("accesstoken", credentials.accessToken);
      metadata.set("instanceurl", credentials.instanceUrl);
      metadata.set("tenantid", credentials.tenantId);
      this.#metadata = metadata;
      const call = this.#channel.Subscribe(metadata);
      this.#call = call;
      call.on("data", (response: RawFetchResponse) => {
        this.#watchIdle();
        this.#then(() => this.#handle(response));
      });
      call.on("error", (error: grpc.ServiceError) => {
        this.#endAfterQueued(this.#cancelled ? null : toPubSubError("subscribe", error));
      });
      call.on("status", (status: grpc.StatusObject) => {
        if (status.code === grpc.status.OK) {
          this.#endAfterQueued(
            new SalesforceError("unavailable", "subscribe", {
              message: "The Pub/Sub API ended the subscription",
            }),
          );
        }
      });
      const { replay, topic } = this.subscribeRequest;
      call.write({
        topic_name: topic,
        replay_preset: REPLAY_PRESET[replay.preset],
        ...(replay.preset === "CUSTOM" ? { replay_id: replayIdFromHex(replay.replayId) } : {}),
        num_requested: clampRequest(this.subscribeRequest.numRequested + this.#requestedEarly),
      });
      this.#requestedEarly = 0;
      this.#watchIdle();
      this.listener.open?.();
    } catch (error) {
      this.#finish(error);
    }
  }

  request(count: number): void {
    if (this.#ended || this.#cancelled || this.#silent) return;
    if (this.#call === undefined) {
      this.#requestedEarly += count;
      return;
    }
    this.#call.write({
      topic_name: this.subscribeRequest.topic,
      num_requested: clampRequest(count),
    });
  }

  cancel(): void {
    if (this.#cancelled || this.#ended) return;
    this.#cancelled = true;
    if (this.#call === undefined) return; // start() finishes once it sees the flag.
    this.#call.cancel();
  }

  /** Queues `step` after the responses before it; a failure ends the subscription. */
  #then(step: () => Promise<void>): void {
    this.#handling = this.#handling.then(step).catch((error: unknown) => this.#finish(error));
  }

  /** Ends the subscription with `error` once the responses received before it are handled. */
  #endAfterQueued(error: Error | null): void {
    this.#handling = this.#handling.then(() => this.#finish(error));
  }

  async #handle(response: RawFetchResponse): Promise<void> {
    if (this.#ended || this.#cancelled) return;
    const channel = this.#channel;
    const metadata = this.#metadata;
    if (channel === undefined || metadata === undefined) return;
    const events: PubSubEvent[] = [];
    for (const raw of response.events) {
      const schema = await this.client.schema(raw.event.schema_id, channel, metadata);
      const base = {
        topic: this.subscribeRequest.topic,
        replayId: replayIdToHex(raw.replay_id),
        eventId: raw.event.id,
      };
      let record: Record<string, unknown>;
      try {
        record = schema.decode(raw.event.payload);
      } catch {
        events.push(unreadable(base, `does not decode with schema ${raw.event.schema_id}`));
        continue;
      }
      try {
        events.push(toPubSubEvent(base, schema, record));
      } catch (error) {
        if (!(error instanceof SalesforceError)) throw error;
        events.push(unreadable(base, error.message));
      }
    }
    if (this.#ended || this.#cancelled) return;
    await this.listener.batch({
      events,
      latestReplayId: replayIdToHex(response.latest_replay_id),
      pendingNumRequested: response.pending_num_requested,
    });
  }

  /** Restarts the silence timer: a stream without even a keep-alive for that long is dead. */
  #watchIdle(): void {
    clearTimeout(this.#idleTimer);
    this.#idleTimer = setTimeout(() => this.#giveUpSilent(), this.client.idleTimeoutMs);
    this.#idleTimer.unref();
  }

  /**
   * Stops a silent stream at once but ends the subscription only after the batch being handled
   * (and those received before the silence) settled: the owner's next subscribe starts from the
   * replay id that batch stores, and must not run beside its handler. A handler that hangs is
   * the handler's to bound.
   */
  #giveUpSilent(): void {
    const message = `No keep-alive from the Pub/Sub API within ${this.client.idleTimeoutMs} ms`;
    this.client.logger.warn(
      { topic: this.subscribeRequest.topic },
      `${message}; ending the subscription once the batch being handled settles`,
    );
    this.#silent = true;
    this.#endAfterQueued(new SalesforceError("unavailable", "subscribe", { message }));
    this.#call?.cancel();
  }

  /** Ends once: stops the timer and the stream, closes the channel, tells the listener. */
  #finish(error: unknown): void {
    if (this.#ended) return;
    this.#ended = true;
    clearTimeout(this.#idleTimer);
    if (!this.#cancelled) this.#call?.cancel();
    this.#channel?.close();
    // After `cancel()` the end is the caller's doing, whatever the stream reported.
    const failure =
      this.#cancelled || error === null || error === undefined
        ? null
        : error instanceof Error
          ? error
          : new Error(String(error));
    if (
      failure instanceof SalesforceError &&
      failure.kind === "auth" &&
      this.#credentials !== undefined
    ) {
      this.client.refused(this.#credentials);
    }
    if (failure !== null) {
      this.client.logger.debug(
        { err: failure, topic: this.subscribeRequest.topic },
        "Pub/Sub subscription ended",
      );
    }
    this.listener.end(failure);
  }
}

function clampRequest(count: number): number {
  return Math.min(MAX_REQUESTED_EVENTS, Math.max(1, Math.floor(count)));
}

/** An event the portal cannot read, with why (see {@link UnreadableEvent}). */
function unreadable(
  base: { topic: string; replayId: string; eventId: string },
  reason: string,
): UnreadableEvent {
  return { ...base, kind: "unreadable", reason, receivedAt: new Date().toISOString() };
}
