import * as grpc from "@grpc/grpc-js";
import * as protoLoader from "@grpc/proto-loader";
import PubSubApiClient from "salesforce-pubsub-api-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Sandbox } from "../src/index.js";
import { ORG_ID } from "../src/salesforce/org-identity.js";
import { PUBSUB_PROTO_PATH } from "../src/salesforce/pubsub/pubsub-proto.js";
import { salesforceSession, type SalesforceSession } from "./support/salesforce-session.js";
import {
  createTestSecrets,
  removeTestSecrets,
  startTestSandbox,
  TEST_NOW,
  type TestSecrets,
} from "./support/test-sandbox.js";

/**
 * The Pub/Sub API stand-in as the unmodified third-party client `salesforce-pubsub-api-client`
 * (5.5.2, user-supplied auth) sees it: TLS with the sandbox's self-signed certificate
 * (`rejectUnauthorizedSsl: false`), the REST session's token as `accesstoken`.
 */

const KEEP_ALIVE_MS = 150;
/** Retention of this sandbox: one hour, so the clock can pass it while the session (2 h) lives. */
const RETENTION_MS = 60 * 60 * 1000;

let secrets: TestSecrets;
let sandbox: Sandbox;
let session: SalesforceSession;
let now = TEST_NOW.getTime();
const clients: PubSubApiClient[] = [];

beforeAll(async () => {
  secrets = await createTestSecrets();
  sandbox = await startTestSandbox(secrets, {
    now: () => new Date(now),
    pubSub: { keepAliveMs: KEEP_ALIVE_MS, retentionMs: RETENTION_MS },
  });
  session = await salesforceSession(sandbox, secrets);
});
afterAll(async () => {
  // The client's close() drops its stream listeners but leaves the streams open: stop the
  // server first, so the streams end while their listeners still take the CANCELLED error.
  await sandbox.close();
  await new Promise((resolve) => setTimeout(resolve, 50));
  for (const client of clients) client.close();
  await removeTestSecrets(secrets);
});

/** What a subscription's callback received, and a way to wait for more. */
class Received {
  readonly events: { replayId: number; payload: Record<string, unknown> }[] = [];
  readonly errors: { code?: number; metadata?: { get(key: string): unknown[] } }[] = [];
  keepAlives = 0;
  lastReplayId = 0;
  private waiters: (() => void)[] = [];

  readonly callback = (
    info: { lastReplayId: number },
    type: string,
    data?: { replayId: number; payload: Record<string, unknown> },
  ): void => {
    this.lastReplayId = info.lastReplayId;
    if (type === "event" && data) this.events.push(data);
    if (type === "error") this.errors.push(data as never);
    if (type === "grpcKeepAlive") this.keepAlives += 1;
    for (const wake of this.waiters.splice(0)) wake();
  };

  /** Resolves once `condition` holds (checked after every callback), or fails after 5 s. */
  async until(condition: () => boolean): Promise<void> {
    const deadline = Date.now() + 5000;
    while (!condition()) {
      if (Date.now() > deadline) throw new Error("timed out waiting for the subscription");
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 100);
      });
    }
  }
}

async function connect(accessToken = String(session.token.access_token)): Promise<PubSubApiClient> {
  const client = new PubSubApiClient(
    {
      authType: "user-supplied",
      accessToken,
      instanceUrl: "https://portal-sandbox.my.salesforce.com",
      organizationId: ORG_ID,
      pubSubEndpoint: sandbox.pubSub.endpoint,
      rejectUnauthorizedSsl: false,
    },
    {
      debug: () => undefined,
      info: () => undefined,
      warn: () => undefined,
      error: () => undefined,
    },
  );
  await client.connect();
  clients.push(client);
  return client;
}

const V = "/services/data/v62.0";

async function productId(): Promise<string> {
  const answer = await session.get(
    `${V}/query?q=${encodeURIComponent("SELECT Id FROM Product2 ORDER BY Name LIMIT 1")}`,
  );
  return (answer.body as { records: { Id: string }[] }).records[0]!.Id;
}

async function renameProduct(id: string, name: string): Promise<void> {
  const answer = await session.request(`${V}/sobjects/Product2/${id}`, {
    method: "PATCH",
    body: { Name: name, Description: null },
  });
  expect(answer.status).toBe(204);
}

const header = (event: { payload: Record<string, unknown> }) =>
  event.payload.ChangeEventHeader as Record<string, unknown>;

describe("Pub/Sub API stand-in with salesforce-pubsub-api-client", () => {
  it("delivers a new write to a LATEST subscription, with the header decoded and bitmaps expanded", async () => {
    const id = await productId();
    const received = new Received();
    (await connect()).subscribe("/data/Product2ChangeEvent", received.callback, 10);
    await received.until(() => received.keepAlives > 0);

    await renameProduct(id, "Pub/Sub LATEST");
    await received.until(() => received.events.length === 1);

    const [event] = received.events;
    expect(header(event!)).toMatchObject({
      entityName: "Product2",
      changeType: "UPDATE",
      recordIds: [id],
      // Decoded from the bitmap, so in schema order.
      changedFields: ["LastModifiedDate", "Name", "Description"],
      nulledFields: ["Description"],
      commitTimestamp: now,
    });
    expect(event!.payload.Name).toBe("Pub/Sub LATEST");
    expect(event!.payload.IsActive).toBeNull();
    expect(received.lastReplayId).toBe(event!.replayId);
  });

  it("replays retained events from EARLIEST and after a CUSTOM replay id", async () => {
    const id = await productId();
    await renameProduct(id, "Replay one");
    await renameProduct(id, "Replay two");

    const earliest = new Received();
    (await connect()).subscribeFromEarliestEvent(
      "/data/Product2ChangeEvent",
      earliest.callback,
      100,
    );
    await earliest.until(() => earliest.keepAlives > 0);
    const names = earliest.events.map((event) => event.payload.Name);
    expect(names.slice(-2)).toEqual(["Replay one", "Replay two"]);

    const from = earliest.events.at(-2)!.replayId;
    const custom = new Received();
    (await connect()).subscribeFromReplayId(
      "/data/Product2ChangeEvent",
      custom.callback,
      100,
      from,
    );
    await custom.until(() => custom.keepAlives > 0);
    expect(custom.events.map((event) => event.payload.Name)).toEqual(["Replay two"]);
  });

  it("sends no more events than requested, and the rest when more are asked for", async () => {
    const id = await productId();
    const received = new Received();
    const client = await connect();
    client.subscribe("/data/Product2ChangeEvent", received.callback, 2);
    await received.until(() => received.keepAlives > 0);
    for (const name of ["Flow 1", "Flow 2", "Flow 3"]) await renameProduct(id, name);

    await received.until(() => received.events.length === 2 && received.keepAlives > 1);
    expect(received.events.map((event) => event.payload.Name)).toEqual(["Flow 1", "Flow 2"]);
    // The keep-alive's replay id stays at the last delivered event while "Flow 3" waits.
    expect(received.lastReplayId).toBe(received.events[1]!.replayId);

    client.requestAdditionalEvents("/data/Product2ChangeEvent", 5);
    await received.until(() => received.events.length === 3);
    expect(received.events[2]!.payload.Name).toBe("Flow 3");
  });

  it("refuses a replay id newer than any issued, and one outside the retention window", async () => {
    const id = await productId();
    await renameProduct(id, "Soon expired");
    const unknown = new Received();
    (await connect()).subscribeFromReplayId(
      "/data/Product2ChangeEvent",
      unknown.callback,
      10,
      1_000_000,
    );
    await unknown.until(() => unknown.errors.length > 0);
    expect(unknown.errors[0]!.code).toBe(3);
    expect(unknown.errors[0]!.metadata?.get("error-code")).toEqual([
      "sfdc.platform.eventbus.grpc.subscription.fetch.replayid.validation.failed",
    ]);

    const earliest = new Received();
    (await connect()).subscribeFromEarliestEvent(
      "/data/Product2ChangeEvent",
      earliest.callback,
      100,
    );
    await earliest.until(() => earliest.keepAlives > 0);
    const oldest = earliest.events[0]!.replayId;

    now += RETENTION_MS + 60_000;
    await renameProduct(id, "After the window");
    const expired = new Received();
    (await connect()).subscribeFromReplayId(
      "/data/Product2ChangeEvent",
      expired.callback,
      10,
      oldest,
    );
    await expired.until(() => expired.errors.length > 0);
    expect(expired.errors[0]!.code).toBe(3);
    expect(expired.errors[0]!.metadata?.get("error-code")).toEqual([
      "sfdc.platform.eventbus.grpc.subscription.fetch.replayid.corrupted",
    ]);
  });

  it("answers a bad access token with UNAUTHENTICATED and the auth error code", async () => {
    const received = new Received();
    (await connect(`${ORG_ID}!not-a-session`)).subscribe(
      "/data/OrderChangeEvent",
      received.callback,
      1,
    );
    await received.until(() => received.errors.length > 0);
    expect(received.errors[0]!.code).toBe(16);
    expect(received.errors[0]!.metadata?.get("error-code")).toEqual([
      "sfdc.platform.eventbus.grpc.service.auth.error",
    ]);
  });

  it("shares one transactionKey across a composite, and an approval (console or REST) publishes the Order change and Order_Fulfilment_Requested__e", async () => {
    const soql = (text: string) => `${V}/query?q=${encodeURIComponent(text)}`;
    const entry = (
      (await session.get(soql("SELECT Id, Product2Id FROM PricebookEntry LIMIT 1"))).body as {
        records: { Id: string; Product2Id: string }[];
      }
    ).records[0]!;
    const accountId = (
      (await session.get(soql("SELECT Id FROM Account WHERE SF_Account_No__c = '100001'")))
        .body as { records: { Id: string }[] }
    ).records[0]!.Id;
    const orders = new Received();
    const items = new Received();
    const requests = new Received();
    (await connect()).subscribe("/data/OrderChangeEvent", orders.callback, 10);
    (await connect()).subscribe("/data/OrderItemChangeEvent", items.callback, 10);
    (await connect()).subscribe("/event/Order_Fulfilment_Requested__e", requests.callback, 10);
    await orders.until(() => orders.keepAlives > 0);
    await items.until(() => items.keepAlives > 0);
    await requests.until(() => requests.keepAlives > 0);

    const created = await session.request(`${V}/composite`, {
      method: "POST",
      body: {
        allOrNone: true,
        compositeRequest: [
          {
            method: "POST",
            url: `${V}/sobjects/Order`,
            referenceId: "newOrder",
            body: { AccountId: accountId, Status: "Pending Review", EffectiveDate: "2026-03-31" },
          },
          {
            method: "POST",
            url: `${V}/sobjects/OrderItem`,
            referenceId: "line",
            body: {
              OrderId: "@{newOrder.id}",
              PricebookEntryId: entry.Id,
              Product2Id: entry.Product2Id,
              Quantity: 1,
              UnitPrice: 2980,
            },
          },
        ],
      },
    });
    expect(created.status).toBe(200);
    await orders.until(() => orders.events.length === 1);
    await items.until(() => items.events.length === 1);
    const orderCreated = orders.events[0]!;
    expect(header(orderCreated)).toMatchObject({ changeType: "CREATE", sequenceNumber: 1 });
    expect(header(items.events[0]!)).toMatchObject({
      changeType: "CREATE",
      sequenceNumber: 2,
      transactionKey: header(orderCreated).transactionKey,
    });
    expect(orderCreated.payload).toMatchObject({
      AccountId: accountId,
      Status: "Pending Review",
      EffectiveDate: Date.UTC(2026, 2, 31) / 86_400_000,
    });
    const orderId = (header(orderCreated).recordIds as string[])[0]!;

    const approve = () =>
      fetch(`${sandbox.url}/__control/salesforce/orders/${orderId}/approve`, { method: "POST" });
    expect((await approve()).status).toBe(200);
    await orders.until(() => orders.events.length === 2);
    await requests.until(() => requests.events.length === 1);
    expect(header(orders.events[1]!)).toMatchObject({
      changeType: "UPDATE",
      changedFields: ["LastModifiedDate", "Status"],
    });
    expect(orders.events[1]!.payload.Status).toBe("Approved");
    expect(requests.events[0]!.payload).toMatchObject({
      Order_Id__c: orderId,
      Account_Id__c: accountId,
      CreatedDate: now,
    });
    expect((await approve()).status).toBe(409);
    const unknown = await fetch(
      `${sandbox.url}/__control/salesforce/orders/801000000000000AAA/approve`,
      { method: "POST" },
    );
    expect(unknown.status).toBe(404);

    // The org's Flow publishes on any approval, also an API client's PATCH.
    const other = await session.request(`${V}/sobjects/Order`, {
      method: "POST",
      body: { AccountId: accountId, Status: "Pending Review", EffectiveDate: "2026-03-31" },
    });
    const otherId = (other.body as { id: string }).id;
    const patched = await session.request(`${V}/sobjects/Order/${otherId}`, {
      method: "PATCH",
      body: { Status: "Approved" },
    });
    expect(patched.status).toBe(204);
    await requests.until(() => requests.events.length === 2);
    expect(requests.events[1]!.payload.Order_Id__c).toBe(otherId);
  });

  it("sends the Order's addresses as compound fields, changed parts decoded as BillingAddress.City", async () => {
    const accountId = (
      (
        await session.get(
          `${V}/query?q=${encodeURIComponent("SELECT Id FROM Account WHERE SF_Account_No__c = '100001'")}`,
        )
      ).body as { records: { Id: string }[] }
    ).records[0]!.Id;
    const orders = new Received();
    (await connect()).subscribe("/data/OrderChangeEvent", orders.callback, 10);
    await orders.until(() => orders.keepAlives > 0);

    const created = await session.request(`${V}/sobjects/Order`, {
      method: "POST",
      body: {
        AccountId: accountId,
        Status: "Pending Review",
        EffectiveDate: "2026-03-31",
        BillingStreet: "1-2-3 Shiba",
        BillingCity: "Minato-ku",
        BillingState: "Tokyo",
        BillingPostalCode: "105-0014",
        BillingCountry: "Japan",
      },
    });
    const orderId = (created.body as { id: string }).id;
    await orders.until(() => orders.events.length === 1);
    expect(orders.events[0]!.payload).toMatchObject({
      BillingAddress: {
        Street: "1-2-3 Shiba",
        City: "Minato-ku",
        State: "Tokyo",
        PostalCode: "105-0014",
        Country: "Japan",
        Latitude: null,
      },
      ShippingAddress: null,
    });
    expect(orders.events[0]!.payload).not.toHaveProperty("BillingCity");

    const patched = await session.request(`${V}/sobjects/Order/${orderId}`, {
      method: "PATCH",
      body: { BillingCity: "Chiyoda-ku", BillingState: null, ShippingCity: "Osaka" },
    });
    expect(patched.status).toBe(204);
    await orders.until(() => orders.events.length === 2);
    expect(header(orders.events[1]!)).toMatchObject({
      changeType: "UPDATE",
      changedFields: [
        "LastModifiedDate",
        "BillingAddress.City",
        "BillingAddress.State",
        "ShippingAddress.City",
      ],
      nulledFields: ["BillingAddress.State"],
    });
    expect(orders.events[1]!.payload).toMatchObject({
      BillingAddress: { City: "Chiyoda-ku", Street: null, State: null },
      ShippingAddress: { City: "Osaka" },
    });
  });

  it("verifies against the certificate the sandbox hands out (a plain grpc-js client, verification on)", async () => {
    const loaded = grpc.loadPackageDefinition(protoLoader.loadSync(PUBSUB_PROTO_PATH, {})) as {
      eventbus: { v1: { PubSub: grpc.ServiceClientConstructor } };
    };
    const metadata = new grpc.Metadata();
    metadata.set("accesstoken", String(session.token.access_token));
    metadata.set("instanceurl", session.instanceUrl);
    metadata.set("tenantid", ORG_ID);
    const client = new loaded.eventbus.v1.PubSub(
      sandbox.pubSub.endpoint,
      grpc.credentials.createSsl(Buffer.from(sandbox.pubSub.certificatePem)),
    );
    try {
      const topic = await new Promise<Record<string, unknown>>((resolve, reject) => {
        (
          client as unknown as {
            GetTopic(
              request: object,
              metadata: grpc.Metadata,
              callback: (error: Error | null, answer: Record<string, unknown>) => void,
            ): void;
          }
        ).GetTopic({ topicName: "/data/OrderChangeEvent" }, metadata, (error, answer) =>
          error ? reject(error) : resolve(answer),
        );
      });
      expect(topic).toMatchObject({
        topicName: "/data/OrderChangeEvent",
        tenantGuid: ORG_ID,
        canSubscribe: true,
        canPublish: false,
      });
      expect(topic.schemaId).toMatch(/^[\w-]{22}$/);
    } finally {
      client.close();
    }
  });
});
