import { type AddressInfo } from "node:net";
import { type NestFastifyApplication } from "@nestjs/platform-fastify";
import {
  AUTH_COOKIES,
  type OrderChoice,
  type OrderDetail,
  orderDetailSchema,
  orderSummarySchema,
  quoteOrder,
  vpnCatalogSchema,
} from "@portal/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBffApp } from "../src/index.js";
import { EventBus } from "../src/modules/events/event-bus.js";
import { MetricsService } from "../src/modules/metrics/metrics.service.js";
import { ORDER_STREAM_LIMITS } from "../src/modules/orders/order-streams.service.js";
import { expectApiError } from "./support/api-error.js";
import { DEMO, signupBody, UNREGISTERED } from "./support/demo-data.js";
import { eventually } from "./support/eventually.js";
import { EventStreamReader, type ServerSentEvent } from "./support/event-stream.js";
import { PortalClient } from "./support/portal-client.js";
import { startStack, type Stack } from "./support/stack.js";

/*
 * GET /api/orders/:id/events and GET /api/orders/events over HTTP (decision 0071): authorized
 * like the order, the current state on connect, an event after each change published on the bus
 * (as fulfilment and the Change Data Capture subscriber publish them), the per-user cap, the
 * open-streams metric, and — on shared servers — an update published on one replica reaching a
 * stream held by another.
 */

const DEMO_ACCOUNT = "001DEMO00000001YDA";

let stack: Stack;
let demo: PortalClient;
let hanako: PortalClient;
let order: OrderDetail;

/** Reads the next event with data, failing on the end of the stream. */
async function nextEvent(stream: EventStreamReader): Promise<ServerSentEvent> {
  const event = await stream.next();
  if (!event) throw new Error("The stream ended");
  return event;
}

/** The order as the next `order` event carries it. */
async function nextOrder(stream: EventStreamReader): Promise<OrderDetail> {
  const event = await nextEvent(stream);
  expect(event.type).toBe("order");
  return orderDetailSchema.parse(JSON.parse(event.data));
}

async function openStreams(kind: string): Promise<number> {
  const metrics = await stack.app
    .get(MetricsService)
    .registry.getSingleMetricAsString("sse_streams_open");
  const line = metrics
    .split("\n")
    .find((entry) => entry.startsWith(`sse_streams_open{stream="${kind}"}`));
  return line ? Number(line.split(" ").at(-1)) : 0;
}

beforeAll(async () => {
  stack = await startStack();
  demo = stack.newClient();
  expect((await demo.login(DEMO.email, DEMO.password)).status).toBe(200);
  hanako = stack.newClient();
  expect((await hanako.signup(signupBody(UNREGISTERED.hanako))).status).toBe(201);
  // A VPN order: the shortest checkout (a plan and its activation fee).
  const catalog = vpnCatalogSchema.parse((await demo.get("/api/catalog/vpn")).json);
  const plan = catalog.plans[0];
  if (!plan) throw new Error("The seeded VPN catalog has no plan");
  const choice: OrderChoice = { category: "vpn", planId: plan.id, addOnIds: [] };
  const placed = await demo.post(
    "/api/orders",
    { ...choice, expectedTotals: quoteOrder(choice, catalog).totals },
    { headers: { "idempotency-key": `order-events-${Date.now()}` } },
  );
  expect(placed.status).toBe(201);
  order = orderDetailSchema.parse(placed.json);
});

afterAll(async () => {
  await stack?.close();
});

describe("Authentication of the order streams", () => {
  it("accepts the access token where every signed-in route does (the cookie), not as a Bearer header", async () => {
    const accessToken = await demo.http.cookie(AUTH_COOKIES.access);
    expect(accessToken).toBeTruthy();
    const bearer = { headers: { authorization: `Bearer ${accessToken}` } };
    for (const path of [
      `/api/orders/${order.id}`,
      `/api/orders/${order.id}/events`,
      "/api/orders/events",
    ]) {
      expectApiError(await stack.newClient().get(path, bearer), 401, "UNAUTHENTICATED");
    }
    const stream = await EventStreamReader.open(demo.http, `/api/orders/${order.id}/events`);
    try {
      expect((await nextOrder(stream)).id).toBe(order.id);
    } finally {
      stream.close();
    }
  });
});

describe("GET /api/orders/:id/events", () => {
  it("answers another customer's order, an unknown id, a malformed id and no session like GET /api/orders/:id", async () => {
    for (const [client, id, status, code] of [
      [hanako, order.id, 404, "NOT_FOUND"],
      [demo, "801000000000000AAA", 404, "NOT_FOUND"],
      [demo, "not-an-id", 400, "VALIDATION_FAILED"],
      [stack.newClient(), order.id, 401, "UNAUTHENTICATED"],
    ] as const) {
      // An error is a plain JSON answer, read whole.
      expectApiError(await client.get(`/api/orders/${id}/events`), status, code);
    }
  });

  it("sends the order at once, then the fresh order after each published change, and counts the open stream", async () => {
    const stream = await EventStreamReader.open(demo.http, `/api/orders/${order.id}/events`);
    try {
      expect(stream.response.status).toBe(200);
      expect(stream.response.headers.get("content-type")).toMatch(/^text\/event-stream/);
      expect(stream.response.headers.get("cache-control")).toMatch(/no-store/);
      const first = await nextEvent(stream);
      expect(first.retry).toBe(ORDER_STREAM_LIMITS.retryMs);
      expect(orderDetailSchema.parse(JSON.parse(first.data))).toEqual(order);
      expect(await openStreams("order")).toBe(1);

      const bus = stack.app.get(EventBus);
      // As the fulfilment workflow does: Salesforce first, then the event.
      await stack.salesforce.update("Order", order.id, {
        Status: "Approved",
        Activation_Status__c: "Activating",
      });
      await bus.publish("FulfillmentProgressed", {
        orderId: order.id,
        sfAccountId: DEMO_ACCOUNT,
        whmcsClientId: null,
        activationStatus: "activating",
        step: null,
        error: null,
        at: new Date().toISOString(),
      });
      const activating = await nextOrder(stream);
      expect(activating).toMatchObject({ status: "approved", activationStatus: "activating" });
      expect(activating.timeline.at(-1)).toMatchObject({
        change: "activation_status",
        to: "activating",
      });

      await stack.salesforce.update("Order", order.id, {
        Activation_Status__c: "Failed",
        Activation_Error_Code__c: "PAYMENT_METHOD_MISSING",
        Activation_Error_Message__c: "No payment method on file",
      });
      await bus.publish("OrderChanged", {
        sfAccountId: DEMO_ACCOUNT,
        orderId: order.id,
        reason: "updated",
      });
      const failed = await nextOrder(stream);
      expect(failed).toMatchObject({
        activationStatus: "failed",
        activationError: { code: "PAYMENT_METHOD_MISSING", message: "No payment method on file" },
      });

      // Another order of the same Account is not this stream's business.
      await bus.publish("OrderChanged", {
        sfAccountId: DEMO_ACCOUNT,
        orderId: "801000000000000AAA",
        reason: "updated",
      });
      await stack.salesforce.update("Order", order.id, { Activation_Status__c: "Activated" });
      await bus.publish("OrderChanged", {
        sfAccountId: DEMO_ACCOUNT,
        orderId: order.id,
        reason: "updated",
      });
      expect(await nextOrder(stream)).toMatchObject({ activationStatus: "activated" });
    } finally {
      stream.close();
    }
    await eventually(
      () => openStreams("order"),
      (open) => open === 0,
    );
  });

  it(`refuses a user's stream beyond ${ORDER_STREAM_LIMITS.perUser} and frees the slot when one closes`, async () => {
    const streams: EventStreamReader[] = [];
    try {
      for (let index = 0; index < ORDER_STREAM_LIMITS.perUser; index += 1) {
        const stream = await EventStreamReader.open(demo.http, `/api/orders/${order.id}/events`);
        streams.push(stream);
        expect(stream.response.status).toBe(200);
        await nextEvent(stream);
      }
      expectApiError(await demo.get("/api/orders/events"), 429, "RATE_LIMITED");
      // Another user is not held to the demo customer's streams.
      const other = await EventStreamReader.open(hanako.http, "/api/orders/events");
      expect(other.response.status).toBe(200);
      other.close();

      streams.pop()?.close();
      const again = await eventually(
        async () => {
          const stream = await EventStreamReader.open(demo.http, `/api/orders/${order.id}/events`);
          if (stream.response.status !== 200) stream.close();
          return stream;
        },
        (stream) => stream.response.status === 200,
      );
      streams.push(again);
    } finally {
      for (const stream of streams) stream.close();
    }
    await eventually(
      () => openStreams("order"),
      (open) => open === 0,
    );
  });
});

describe("GET /api/orders/events", () => {
  it("sends the summary of each of the customer's orders that changes, and nothing of other customers'", async () => {
    const stream = await EventStreamReader.open(demo.http, "/api/orders/events");
    try {
      expect(stream.response.status).toBe(200);
      const bus = stack.app.get(EventBus);
      await bus.publish("OrderChanged", {
        sfAccountId: UNREGISTERED.hanako.accountId,
        orderId: order.id,
        reason: "updated",
      });
      await stack.salesforce.update("Order", order.id, { Activation_Status__c: "Activating" });
      await bus.publish("OrderChanged", {
        sfAccountId: DEMO_ACCOUNT,
        orderId: order.id,
        reason: "updated",
      });
      const event = await nextEvent(stream);
      expect(event.type).toBe("order");
      expect(event.comments).toContain("connected");
      expect(orderSummarySchema.parse(JSON.parse(event.data))).toMatchObject({
        id: order.id,
        activationStatus: "activating",
      });
      expect(JSON.parse(event.data)).not.toHaveProperty("items");
    } finally {
      stream.close();
    }
  });
});

/**
 * Two replicas on one Redis: the workflow publishes on one, the customer's stream is on the
 * other. Only meaningful on shared servers (embedded mode has no Redis to relay through).
 */
describe.skipIf(process.env.PORTAL_TEST_MODE !== "servers")("two BFF replicas", () => {
  let replica: NestFastifyApplication;
  let replicaUrl: string;

  beforeAll(async () => {
    replica = await createBffApp(stack.bffEnv, { logDestination: { write: () => undefined } });
    await replica.listen({ host: "127.0.0.1", port: 0 });
    replicaUrl = `http://127.0.0.1:${(replica.getHttpServer().address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await replica?.close();
  });

  it("relays an update published on one replica to a stream held by the other", async () => {
    const client = new PortalClient(replicaUrl);
    expect((await client.login(DEMO.email, DEMO.password)).status).toBe(200);
    const stream = await EventStreamReader.open(client.http, `/api/orders/${order.id}/events`);
    try {
      expect(stream.response.status).toBe(200);
      await nextOrder(stream);
      await stack.salesforce.update("Order", order.id, { Activation_Status__c: "Failed" });
      await stack.app.get(EventBus).publish("OrderChanged", {
        sfAccountId: DEMO_ACCOUNT,
        orderId: order.id,
        reason: "updated",
      });
      expect(await nextOrder(stream)).toMatchObject({ activationStatus: "failed" });
    } finally {
      stream.close();
    }
  });
});
