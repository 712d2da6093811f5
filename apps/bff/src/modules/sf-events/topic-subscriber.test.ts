import {
  SalesforceError,
  type PubSubEvent,
  type SalesforceClient,
  type SubscribeRequest,
} from "@portal/salesforce";
import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { EventBus } from "../events/event-bus.js";
import { MetricsService } from "../metrics/metrics.service.js";
import { OrderFulfilmentRequests } from "./order-fulfilment-requests.js";
import { type SfEventCounters, SfEventMetrics } from "./sf-event-counters.js";
import { SfEventHandler } from "./sf-event-handler.js";
import { TopicSubscriber, type TopicSubscriberDeps } from "./topic-subscriber.js";
import { UnprocessableEventError } from "./unprocessable-event.js";

const TOPIC = "/event/Order_Fulfilment_Requested__e";
const silent = { log: () => undefined, warn: () => undefined, error: () => undefined };
const noCounters: SfEventCounters = {
  received: () => undefined,
  handled: () => undefined,
  failed: () => undefined,
  skipped: () => undefined,
  resubscribed: () => undefined,
};

/** A fulfilment request event with replay id `replayId` for Order `orderId`. */
function requested(replayId: string, orderId: string): PubSubEvent {
  return {
    kind: "orderFulfilmentRequested",
    topic: TOPIC,
    replayId,
    eventId: `uuid-${replayId}`,
    orderId,
    accountId: "001000000000001AAA",
    createdAt: "2026-03-31T03:00:00.000Z",
  };
}

/** An event the client could not read, with replay id `replayId`. */
function unreadable(replayId: string): PubSubEvent {
  return {
    kind: "unreadable",
    topic: TOPIC,
    replayId,
    eventId: `uuid-${replayId}`,
    reason: "does not decode with schema s1",
    receivedAt: "2026-03-31T03:00:00.000Z",
  };
}

/** A promise and its resolve/reject, for handlers the test settles itself. */
function deferred(): { promise: Promise<void>; resolve(): void; reject(error: Error): void } {
  let resolve!: () => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/**
 * A Pub/Sub server in memory: each subscribe is recorded with its listener; the test delivers
 * batches and ends subscriptions. Stored replay ids live in `stored`.
 */
class FakePubSub {
  readonly subscriptions: {
    request: SubscribeRequest;
    listener: Parameters<TopicSubscriberDeps["subscribe"]>[1];
    requested: number[];
    cancelled: boolean;
  }[] = [];
  readonly stored = new Map<string, string>();
  readonly storeCalls: string[] = [];
  private waiters: (() => void)[] = [];

  readonly replays: TopicSubscriberDeps["replays"] = {
    get: (topic) =>
      Promise.resolve(this.stored.has(topic) ? { replayId: this.stored.get(topic) ?? "" } : null),
    store: (topic, replayId) => {
      this.stored.set(topic, replayId);
      this.storeCalls.push(replayId);
      return Promise.resolve();
    },
  };

  readonly subscribe: TopicSubscriberDeps["subscribe"] = (request, listener) => {
    const entry = { request, listener, requested: [] as number[], cancelled: false };
    this.subscriptions.push(entry);
    for (const wake of this.waiters.splice(0)) wake();
    listener.open?.();
    return {
      request: (count) => entry.requested.push(count),
      cancel: () => {
        entry.cancelled = true;
        listener.end(null);
      },
    };
  };

  /** Resolves once the `n`th subscribe happened (1-based) and returns it. */
  async subscription(n: number): Promise<FakePubSub["subscriptions"][number]> {
    while (this.subscriptions.length < n) {
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
    const entry = this.subscriptions[n - 1];
    if (!entry) throw new Error("no such subscription");
    return entry;
  }
}

function subscriber(fake: FakePubSub, handle: TopicSubscriberDeps["handle"]): TopicSubscriber {
  return new TopicSubscriber(TOPIC, {
    subscribe: fake.subscribe,
    replays: fake.replays,
    handle,
    counters: noCounters,
    now: () => new Date("2026-03-31T03:00:00Z"),
    batchSize: 100,
    reconnectDelayMs: () => 0,
    logger: silent,
  });
}

describe("TopicSubscriber", () => {
  it("subscribes from EARLIEST without a stored replay id, from it (CUSTOM) with one, asking for the batch size", async () => {
    const fake = new FakePubSub();
    const first = subscriber(fake, () => Promise.resolve());
    first.start();
    expect((await fake.subscription(1)).request).toEqual({
      topic: TOPIC,
      replay: { preset: "EARLIEST" },
      numRequested: 100,
    });
    await first.stop();

    fake.stored.set(TOPIC, "00000000000000aa");
    const second = subscriber(fake, () => Promise.resolve());
    second.start();
    expect((await fake.subscription(2)).request.replay).toEqual({
      preset: "CUSTOM",
      replayId: "00000000000000aa",
    });
    await second.stop();
  });

  it("stores an event's replay id only after its handler resolved, then asks for as many more as it handled", async () => {
    const fake = new FakePubSub();
    const handling = deferred();
    const handled: string[] = [];
    const topic = subscriber(fake, async (event) => {
      await handling.promise;
      handled.push(event.replayId);
    });
    topic.start();
    const subscription = await fake.subscription(1);
    const batch = subscription.listener.batch({
      events: [requested("01", "801A"), requested("02", "801B")],
      latestReplayId: "02",
      pendingNumRequested: 98,
    });
    await Promise.resolve();
    expect(fake.storeCalls).toEqual([]);
    expect(subscription.requested).toEqual([]);

    handling.resolve();
    await batch;
    expect(handled).toEqual(["01", "02"]);
    expect(fake.storeCalls).toEqual(["01", "02"]);
    expect(subscription.requested).toEqual([2]);
    expect(topic.state()).toMatchObject({ status: "subscribed", lastReplayId: "02" });
    await topic.stop();
  });

  it("does not store the replay id of an event whose handler failed, and gets it again after reconnecting from the last stored one", async () => {
    const fake = new FakePubSub();
    let failures = 1;
    const calls: string[] = [];
    const topic = subscriber(fake, (event) => {
      calls.push(event.replayId);
      if (event.replayId === "02" && failures-- > 0) {
        return Promise.reject(new Error("the queue is down"));
      }
      return Promise.resolve();
    });
    topic.start();
    const first = await fake.subscription(1);
    const failed = first.listener.batch({
      events: [requested("01", "801A"), requested("02", "801B")],
      latestReplayId: "02",
      pendingNumRequested: 98,
    });
    await expect(failed).rejects.toThrow("the queue is down");
    expect(fake.storeCalls).toEqual(["01"]);
    // The client ends the subscription with the batch's error; the subscriber reconnects.
    first.listener.end(new Error("the queue is down"));

    const second = await fake.subscription(2);
    expect(second.request.replay).toEqual({ preset: "CUSTOM", replayId: "01" });
    await second.listener.batch({
      events: [requested("02", "801B")],
      latestReplayId: "02",
      pendingNumRequested: 99,
    });
    expect(calls).toEqual(["01", "02", "02"]);
    expect(fake.storeCalls).toEqual(["01", "02"]);
    expect(topic.state().lastError).toMatchObject({ error: "Error" });
    await topic.stop();
  });

  it("passes over an event that can never be handled, counting it, and goes on with the next", async () => {
    const fake = new FakePubSub();
    const skipped: string[] = [];
    const handled: string[] = [];
    const topic = new TopicSubscriber(TOPIC, {
      subscribe: fake.subscribe,
      replays: fake.replays,
      handle: (event) => {
        if (event.kind === "unreadable") {
          return Promise.reject(new UnprocessableEventError(event.reason));
        }
        if (event.kind === "orderFulfilmentRequested" && event.orderId === "bad") {
          return Promise.reject(new ZodError([]));
        }
        handled.push(event.replayId);
        return Promise.resolve();
      },
      counters: { ...noCounters, skipped: (name) => void skipped.push(name) },
      now: () => new Date("2026-03-31T03:00:00Z"),
      batchSize: 100,
      reconnectDelayMs: () => 0,
      logger: silent,
    });
    topic.start();
    const subscription = await fake.subscription(1);

    await subscription.listener.batch({
      events: [unreadable("01"), requested("02", "bad"), requested("03", "801C")],
      latestReplayId: "03",
      pendingNumRequested: 97,
    });

    expect(handled).toEqual(["03"]);
    expect(skipped).toEqual([TOPIC, TOPIC]);
    expect(fake.storeCalls).toEqual(["01", "02", "03"]);
    expect(fake.subscriptions).toHaveLength(1);
    await topic.stop();
  });

  it("handles a redelivered event again and events out of order as they come, storing the last one handled", async () => {
    const fake = new FakePubSub();
    const orders: string[] = [];
    const topic = subscriber(fake, (event) => {
      if (event.kind === "orderFulfilmentRequested") orders.push(event.orderId);
      return Promise.resolve();
    });
    topic.start();
    const subscription = await fake.subscription(1);
    await subscription.listener.batch({
      events: [requested("05", "801E"), requested("03", "801C"), requested("05", "801E")],
      latestReplayId: "05",
      pendingNumRequested: 97,
    });
    expect(orders).toEqual(["801E", "801C", "801E"]);
    expect(fake.storeCalls).toEqual(["05", "03", "05"]);
    expect(fake.stored.get(TOPIC)).toBe("05");
    await topic.stop();
  });

  it("keeps a keep-alive's latest replay id only while events were requested", async () => {
    const fake = new FakePubSub();
    const topic = subscriber(fake, () => Promise.resolve());
    topic.start();
    const subscription = await fake.subscription(1);
    await subscription.listener.batch({ events: [], latestReplayId: "0a", pendingNumRequested: 0 });
    expect(fake.storeCalls).toEqual([]);
    await subscription.listener.batch({
      events: [],
      latestReplayId: "0b",
      pendingNumRequested: 100,
    });
    expect(fake.storeCalls).toEqual(["0b"]);
    expect(topic.state()).toMatchObject({ latestReplayId: "0b", lastReplayId: "0b" });
    await topic.stop();
  });

  it("subscribes again from EARLIEST when Salesforce refuses the stored replay id, and says so in its state", async () => {
    const fake = new FakePubSub();
    fake.stored.set(TOPIC, "00000000000000aa");
    const topic = subscriber(fake, () => Promise.resolve());
    topic.start();
    const first = await fake.subscription(1);
    first.listener.end(
      new SalesforceError("rejected", "subscribe", {
        vendorCode: "sfdc.platform.eventbus.grpc.subscription.fetch.replayid.corrupted",
      }),
    );
    const second = await fake.subscription(2);
    expect(second.request.replay).toEqual({ preset: "EARLIEST" });
    expect(topic.state().resubscribedFromEarliest).toEqual({
      at: "2026-03-31T03:00:00.000Z",
      reason: "sfdc.platform.eventbus.grpc.subscription.fetch.replayid.corrupted",
    });
    // The refusal does not stick: a later reconnect uses the stored id again.
    second.listener.end(new SalesforceError("unavailable", "subscribe"));
    expect((await fake.subscription(3)).request.replay).toEqual({
      preset: "CUSTOM",
      replayId: "00000000000000aa",
    });
    expect(topic.state()).toMatchObject({
      status: "subscribed",
      lastError: { error: "SalesforceError: unavailable" },
    });
    await topic.stop();
    expect(topic.state().status).toBe("stopped");
  });

  it("with the real handler and metrics: logs an unreadable event, counts it in sf_events_skipped_total, stores its replay id and handles the next", async () => {
    // Client level: the sandbox's Pub/Sub stand-in only sends events its schemas describe, so an
    // event the client cannot read comes from the fake here (the client's side: pubsub-client.ts).
    const fake = new FakePubSub();
    const metrics = new MetricsService();
    const requestedOrders: string[] = [];
    const fulfilment = new (class extends OrderFulfilmentRequests {
      request(orderId: string): Promise<void> {
        requestedOrders.push(orderId);
        return Promise.resolve();
      }
    })();
    const handler = new SfEventHandler(fulfilment, new EventBus(), {} as SalesforceClient);
    const errors: { context: unknown; message: unknown }[] = [];
    const topic = new TopicSubscriber(TOPIC, {
      subscribe: fake.subscribe,
      replays: fake.replays,
      handle: (event) => handler.handle(event),
      counters: new SfEventMetrics(metrics),
      now: () => new Date("2026-03-31T03:00:00Z"),
      batchSize: 100,
      reconnectDelayMs: () => 0,
      logger: { ...silent, error: (context, message) => void errors.push({ context, message }) },
    });
    topic.start();
    const subscription = await fake.subscription(1);

    await subscription.listener.batch({
      events: [unreadable("0a"), requested("0b", "801C")],
      latestReplayId: "0b",
      pendingNumRequested: 98,
    });

    expect(errors).toEqual([
      {
        context: expect.objectContaining({
          topic: TOPIC,
          replayId: "0a",
          eventId: "uuid-0a",
          err: expect.objectContaining({
            message: expect.stringContaining("does not decode with schema s1"),
          }),
        }),
        message: expect.stringContaining("passed over"),
      },
    ]);
    const counted = async (name: string) =>
      (await metrics.registry.getSingleMetric(name)?.get())?.values.find(
        (value) => value.labels.topic === TOPIC,
      )?.value;
    expect(await counted("sf_events_skipped_total")).toBe(1);
    expect(await counted("sf_events_failed_total")).toBeUndefined();
    expect(await counted("sf_events_handled_total")).toBe(2);
    expect(fake.storeCalls).toEqual(["0a", "0b"]);
    expect(topic.state().lastReplayId).toBe("0b");
    expect(requestedOrders).toEqual(["801C"]);
    // Passed over, not a reason to reconnect.
    expect(fake.subscriptions).toHaveLength(1);
    await topic.stop();
  });
});
