import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { type SfEventsHealth, sfEventsHealthSchema, simCatalogSchema } from "@portal/domain";
import { generateDevSecrets, startSandbox } from "@portal/sandbox";
import { SalesforceClient, SalesforcePubSubClient } from "@portal/salesforce";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type AppEvents } from "../src/modules/events/app-events.js";
import { EventBus } from "../src/modules/events/event-bus.js";
import { OrderFulfilmentRequests } from "../src/modules/sf-events/order-fulfilment-requests.js";
import { LeaderLeasesRepository } from "../src/modules/sf-events/repositories/leader-leases.repository.js";
import { SfEventReplaysRepository } from "../src/modules/sf-events/repositories/sf-event-replays.repository.js";
import { SfEventHandler } from "../src/modules/sf-events/sf-event-handler.js";
import { SfEventsService } from "../src/modules/sf-events/sf-events.service.js";
import { DEMO } from "./support/demo-data.js";
import { eventually } from "./support/eventually.js";
import { startStack, type Stack } from "./support/stack.js";
import { openTestDatabase, type TestDatabase } from "./support/test-database.js";

/*
 * The subscriber against the sandbox's Pub/Sub API stand-in (real gRPC, TLS, Avro), two
 * replicas on one database: approvals reach fulfilment once per event, a failed request is
 * delivered again, an expired or unknown replay id resubscribes from EARLIEST, and a standby
 * takes over a lease its holder stopped renewing. Leadership is checked by the test (injected
 * clocks), not by timers.
 */

type Sandbox = Awaited<ReturnType<typeof startSandbox>>;

const TOPICS = ["/event/Order_Fulfilment_Requested__e", "/data/OrderChangeEvent"];
const PLATFORM = TOPICS[0] ?? "";
const LEASE_SECONDS = 20;
/** The sandbox keeps events one hour, so its clock can pass that while a session (2 h) lives. */
const RETENTION_MS = 60 * 60 * 1000;
const silent = { log: () => undefined, warn: () => undefined, error: () => undefined };
const noCounters = {
  received: () => undefined,
  handled: () => undefined,
  failed: () => undefined,
  skipped: () => undefined,
  resubscribed: () => undefined,
};

/** Records every fulfilment request; fails the next `failures` calls. */
class RecordingFulfilment extends OrderFulfilmentRequests {
  readonly requested: string[] = [];
  readonly failed: string[] = [];
  failures = 0;

  request(orderId: string): Promise<void> {
    if (this.failures > 0) {
      this.failures -= 1;
      this.failed.push(orderId);
      return Promise.reject(new Error("the job queue is unavailable"));
    }
    this.requested.push(orderId);
    return Promise.resolve();
  }

  count(orderId: string): number {
    return this.requested.filter((id) => id === orderId).length;
  }
}

/** One subscriber replica: its service, fulfilment fake, published events and clock. */
interface Replica {
  service: SfEventsService;
  fulfilment: RecordingFulfilment;
  orderChanged: AppEvents["OrderChanged"][];
  clock: { now: Date };
}

let directory: string;
let sandbox: Sandbox;
let sandboxNow = Date.now();
let database: TestDatabase;
let salesforce: SalesforceClient;
let pubSub: SalesforcePubSubClient;
let accountId: string;
const replicas: Replica[] = [];

beforeAll(async () => {
  directory = await mkdtemp(path.join(tmpdir(), "bff-sf-events-"));
  const secrets = await generateDevSecrets(inject("devSecretsDir"));
  sandbox = await startSandbox({
    dataDir: null,
    whmcs: { identifier: secrets.whmcsApiIdentifier, secret: secrets.whmcsApiSecret },
    salesforce: {
      clientId: secrets.sfClientId,
      username: secrets.sfUsername,
      certificatePem: await readFile(secrets.sfCertificatePath, "utf8"),
    },
    webhook: { url: null, secret: secrets.whmcsWebhookSecret },
    pubSub: { retentionMs: RETENTION_MS },
    now: () => new Date(sandboxNow),
    logger: false,
  });
  const caPath = path.join(directory, "pubsub-tls.crt");
  await writeFile(caPath, sandbox.pubSub.certificatePem);
  salesforce = new SalesforceClient({
    loginUrl: sandbox.urls.salesforce,
    audience: "https://login.salesforce.com",
    clientId: secrets.sfClientId,
    username: secrets.sfUsername,
    privateKeyPem: await readFile(secrets.sfPrivateKeyPath, "utf8"),
    apiVersion: "62.0",
    timeoutMs: 4000,
    concurrency: 4,
    ratePerSecond: 100,
    readRetries: 0,
  });
  pubSub = new SalesforcePubSubClient({
    endpoint: sandbox.pubSub.endpoint,
    caCertificatePath: caPath,
    auth: salesforce.pubSubAuth,
  });
  database = await openTestDatabase();
  const [account] = await rest<{ records: { Id: string }[] }>(
    "GET",
    `query?q=${encodeURIComponent("SELECT Id FROM Account WHERE SF_Account_No__c = '100001'")}`,
  ).then((body) => body.records);
  if (!account) throw new Error("the sandbox has no demo Account 100001");
  accountId = account.Id;
});

afterAll(async () => {
  for (const replica of replicas) await replica.service.onModuleDestroy();
  await sandbox?.close();
  await database?.close();
  await rm(directory, { recursive: true, force: true });
});

/** A call to the sandbox's Salesforce REST API with the subscriber's own session. */
async function rest<T>(method: string, resource: string, body?: unknown): Promise<T> {
  const { accessToken, instanceUrl } = await salesforce.pubSubAuth.current();
  const response = await fetch(`${instanceUrl}/services/data/v62.0/${resource}`, {
    method,
    headers: { authorization: `Bearer ${accessToken}`, "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`${method} ${resource}: ${response.status}`);
  return (response.status === 204 ? undefined : await response.json()) as T;
}

/** A new `Pending Review` Order of the demo Account; its Id. */
async function newOrder(): Promise<string> {
  const created = await rest<{ id: string }>("POST", "sobjects/Order", {
    AccountId: accountId,
    Status: "Pending Review",
    EffectiveDate: "2026-03-31",
  });
  return created.id;
}

/** Staff approve `orderId` in the sandbox (its control API, as the console's "Approve order"). */
async function approve(orderId: string): Promise<void> {
  const response = await fetch(`${sandbox.url}/__control/salesforce/orders/${orderId}/approve`, {
    method: "POST",
  });
  expect(response.status).toBe(200);
}

/** A subscriber replica on the shared database with its own clock, lease holder id and fakes. */
function startReplica(holderId: string): Replica {
  const fulfilment = new RecordingFulfilment();
  const events = new EventBus();
  const orderChanged: AppEvents["OrderChanged"][] = [];
  events.subscribe("OrderChanged", (event) => void orderChanged.push(event));
  const handler = new SfEventHandler(fulfilment, events, salesforce);
  const clock = { now: new Date() };
  const service = new SfEventsService(
    { enabled: true, topics: TOPICS, batchSize: 100, leaseSeconds: LEASE_SECONDS },
    {
      subscribe: (request, listener) => pubSub.subscribe(request, listener),
      handle: (event) => handler.handle(event),
      replays: new SfEventReplaysRepository(database.connection),
      leases: new LeaderLeasesRepository(database.connection),
      counters: noCounters,
      now: () => clock.now,
      holderId,
      autoCheck: false,
      reconnectDelayMs: () => 10,
      logger: silent,
    },
  );
  const replica = { service, fulfilment, orderChanged, clock };
  replicas.push(replica);
  return replica;
}

/** Health once every channel is subscribed on `replica`. */
function subscribed(replica: Replica): Promise<SfEventsHealth> {
  return eventually(
    () => replica.service.health(),
    (health) => health.subscriber.status === "subscribed",
  );
}

describe("the Salesforce event subscriber through the sandbox's Pub/Sub API", () => {
  let first: Replica;
  let second: Replica;

  it("leads with one replica, and an approval reaches fulfilment once per event (the CDC update and the platform event)", async () => {
    first = startReplica("replica-a");
    second = startReplica("replica-b");
    await first.service.checkLeadership();
    await second.service.checkLeadership();
    const health = await subscribed(first);
    expect(health.leader).toMatchObject({ holderId: "replica-a", isThisProcess: true });
    expect((await second.service.health()).subscriber.status).toBe("standby");
    expect((await second.service.health()).leader).toMatchObject({
      holderId: "replica-a",
      isThisProcess: false,
    });

    const orderId = await newOrder();
    await approve(orderId);
    await eventually(
      () => Promise.resolve(first.fulfilment.count(orderId)),
      (count) => count === 2,
    );
    // Another Order's approval is handled after this one on both topics: nothing more came for it.
    const later = await newOrder();
    await approve(later);
    await eventually(
      () => Promise.resolve(first.fulfilment.count(later)),
      (count) => count === 2,
    );
    expect(first.fulfilment.count(orderId)).toBe(2);
    expect(second.fulfilment.requested).toEqual([]);
    expect(first.orderChanged).toContainEqual({
      sfAccountId: accountId,
      orderId,
      reason: "updated",
    });

    const channels = (await first.service.health()).channels;
    for (const channel of channels) {
      expect(channel.replay.lastReplayId).toMatch(/^[0-9a-f]{16}$/);
      expect(channel.lastEventAt).not.toBeNull();
    }
  });

  it("does not acknowledge an event whose fulfilment request failed: it comes again after the reconnect", async () => {
    const orderId = await newOrder();
    first.fulfilment.failures = 1;
    await approve(orderId);
    await eventually(
      () => Promise.resolve(first.fulfilment.count(orderId)),
      (count) => count === 2,
    );
    expect(first.fulfilment.failed).toEqual([orderId]);
    const health = await subscribed(first);
    expect(health.channels.some((channel) => channel.lastError !== null)).toBe(true);
  });

  it("lets the standby take over once the leader stops renewing its lease", async () => {
    // The leader's clock stands still (it stopped renewing); the standby's passes the lease.
    second.clock.now = new Date(first.clock.now.getTime() + (LEASE_SECONDS + 1) * 1000);
    await second.service.checkLeadership();
    expect((await second.service.health()).leader).toMatchObject({
      holderId: "replica-b",
      isThisProcess: true,
    });
    await first.service.checkLeadership();
    expect((await first.service.health()).subscriber.status).toBe("standby");
    await subscribed(second);

    const orderId = await newOrder();
    await approve(orderId);
    await eventually(
      () => Promise.resolve(second.fulfilment.count(orderId)),
      (count) => count === 2,
    );
    expect(first.fulfilment.count(orderId)).toBe(0);
  });

  it("replays from an operator's replay id, and resubscribes from EARLIEST when that id is unknown", async () => {
    const before = second.fulfilment.requested.length;
    await second.service.replayFrom(PLATFORM, "7fffffffffffffff");
    const health = await eventually(
      () => second.service.health(),
      (report) =>
        report.channels.find((channel) => channel.channel === PLATFORM)
          ?.resubscribedFromEarliest !== null,
    );
    expect(
      health.channels.find((channel) => channel.channel === PLATFORM)?.resubscribedFromEarliest
        ?.reason,
    ).toBe("sfdc.platform.eventbus.grpc.subscription.fetch.replayid.validation.failed");
    // EARLIEST delivers every retained approval again (handlers are idempotent).
    await eventually(
      () => Promise.resolve(second.fulfilment.requested.length),
      (count) => count >= before + 4,
    );
    await expect(second.service.replayFrom("/data/AccountChangeEvent", "00")).rejects.toThrow(
      "Not a subscribed topic",
    );
    await expect(second.service.replayFrom(PLATFORM, "not-hex")).rejects.toThrow("Not a replay id");
  });

  it("resubscribes from EARLIEST when the stored replay id has left the retention window", async () => {
    await second.service.onModuleDestroy();
    const lost = await newOrder();
    await approve(lost);
    // Two hours later the sandbox has dropped the approval (and everything before it).
    sandboxNow += 2 * RETENTION_MS - 10 * 60 * 1000;
    const third = startReplica("replica-c");
    third.clock.now = new Date(second.clock.now.getTime() + 1000);
    await third.service.checkLeadership();
    const health = await eventually(
      () => third.service.health(),
      (report) =>
        report.subscriber.status === "subscribed" &&
        report.channels.every((channel) => channel.resubscribedFromEarliest !== null),
    );
    expect(health.channels.map((channel) => channel.resubscribedFromEarliest?.reason)).toEqual([
      "sfdc.platform.eventbus.grpc.subscription.fetch.replayid.corrupted",
      "sfdc.platform.eventbus.grpc.subscription.fetch.replayid.corrupted",
    ]);
    const orderId = await newOrder();
    await approve(orderId);
    await eventually(
      () => Promise.resolve(third.fulfilment.count(orderId)),
      (count) => count === 2,
    );
    expect(third.fulfilment.count(lost)).toBe(0);
  });
});

describe("GET /api/health/sf-events of a BFF started as `npm start` starts it", () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack({ SF_PUBSUB_ENABLED: "true" });
  });

  afterAll(async () => {
    await stack?.close();
  });

  /** The health report, validated. */
  async function report(): Promise<SfEventsHealth> {
    const response = await stack.newClient().get("/api/health/sf-events");
    expect(response.status).toBe(200);
    return sfEventsHealthSchema.parse(response.json);
  }

  it("reports the subscriber leading and subscribed to the default topics, and an approval moving the replay ids", async () => {
    const health = await eventually(report, (body) => body.subscriber.status === "subscribed");
    expect(health).toMatchObject({
      enabled: true,
      leader: { isThisProcess: true },
      subscriber: { lastError: null },
    });
    expect(health.channels.map((channel) => channel.channel)).toEqual([
      "/event/Order_Fulfilment_Requested__e",
      "/data/OrderChangeEvent",
      "/data/Product2ChangeEvent",
      "/data/PricebookEntryChangeEvent",
    ]);
    const platformBefore = health.channels[0]?.replay.lastReplayId ?? null;

    const [account] = await stack.salesforce.query(
      "SELECT Id FROM Account WHERE SF_Account_No__c = '100001'",
    );
    const { accessToken, instanceUrl } = await stack.app.get(SalesforceClient).pubSubAuth.current();
    const created = await fetch(`${instanceUrl}/services/data/v62.0/sobjects/Order`, {
      method: "POST",
      headers: { authorization: `Bearer ${accessToken}`, "content-type": "application/json" },
      body: JSON.stringify({
        AccountId: account?.Id,
        Status: "Pending Review",
        EffectiveDate: "2026-03-31",
      }),
    });
    const { id } = (await created.json()) as { id: string };
    const approved = await fetch(`${stack.sandbox.url}/__control/salesforce/orders/${id}/approve`, {
      method: "POST",
    });
    expect(approved.status).toBe(200);

    const after = await eventually(
      report,
      (body) =>
        body.channels[0]?.replay.lastReplayId !== platformBefore &&
        body.channels[0]?.lastCommitAt !== null,
    );
    expect(after.channels[0]?.lag.caughtUp).not.toBe(false);
  });

  it("shows a price changed in Salesforce without anything but the change event dropping the catalog", async () => {
    const demo = stack.newClient();
    expect((await demo.login(DEMO.email, DEMO.password)).status).toBe(200);
    const sim = async () => simCatalogSchema.parse((await demo.get("/api/catalog/sim")).json);
    const plan = (await sim()).plans.find((each) => each.sku === "SIM-VOICE-5GB");
    if (!plan) throw new Error("The seed has SIM-VOICE-5GB");
    expect(plan.price.taxExcluded.amount).toBe(860);

    await stack.salesforce.update("PricebookEntry", plan.id, { UnitPrice: 900 });
    const after = await eventually(
      sim,
      (catalog) =>
        catalog.plans.find((each) => each.id === plan.id)?.price.taxExcluded.amount === 900,
    );
    expect(after.plans.find((each) => each.id === plan.id)?.price.taxIncluded.amount).toBe(990);
  });
});
