import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { generateDevSecrets, startSandbox } from "@portal/sandbox";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type PubSubBatch,
  type PubSubEvent,
  SalesforceClient,
  SalesforceError,
  SalesforcePubSubClient,
  type PubSubSubscription,
  type ReplayStart,
} from "../src/index.js";

/*
 * `SalesforcePubSubClient` against the sandbox's Pub/Sub API stand-in (decision 0062): TLS with
 * its self-signed certificate as CA, the REST session's credentials (renewed after the server
 * refused them), flow control, replay presets, and Avro payloads mapped to typed events.
 */

type Sandbox = Awaited<ReturnType<typeof startSandbox>>;

/** A sandbox, the REST client signed in to it, and the Pub/Sub stand-in's CA file. */
interface Stack {
  directory: string;
  sandbox: Sandbox;
  salesforce: SalesforceClient;
  caPath: string;
  accountId: string;
}

/** A sandbox whose Pub/Sub stand-in sends a keep-alive after `keepAliveMs` of silence. */
async function startStack(keepAliveMs: number): Promise<Stack> {
  const directory = await mkdtemp(path.join(tmpdir(), "salesforce-pubsub-sandbox-"));
  const secrets = await generateDevSecrets(directory);
  const sandbox = await startSandbox({
    dataDir: null,
    whmcs: { identifier: secrets.whmcsApiIdentifier, secret: secrets.whmcsApiSecret },
    salesforce: {
      clientId: secrets.sfClientId,
      username: secrets.sfUsername,
      certificatePem: await readFile(secrets.sfCertificatePath, "utf8"),
    },
    webhook: { url: null, secret: secrets.whmcsWebhookSecret },
    pubSub: { keepAliveMs },
    logger: false,
  });
  const caPath = path.join(directory, "pubsub-tls.crt");
  await writeFile(caPath, sandbox.pubSub.certificatePem);
  const salesforce = new SalesforceClient({
    loginUrl: sandbox.urls.salesforce,
    audience: "https://login.salesforce.com",
    clientId: secrets.sfClientId,
    username: secrets.sfUsername,
    privateKeyPem: await readFile(secrets.sfPrivateKeyPath, "utf8"),
    apiVersion: "62.0",
    timeoutMs: 5_000,
    concurrency: 4,
    ratePerSecond: 1_000,
    readRetries: 0,
  });
  const stack = { directory, sandbox, salesforce, caPath, accountId: "" };
  const accounts = await rest<{ records: { Id: string }[] }>(
    stack,
    "GET",
    `query?q=${encodeURIComponent("SELECT Id FROM Account WHERE SF_Account_No__c = '100001'")}`,
  );
  return { ...stack, accountId: accounts.records[0]?.Id ?? "" };
}

async function stopStack(stack: Stack | undefined): Promise<void> {
  if (stack === undefined) return;
  await stack.sandbox.close();
  await rm(stack.directory, { recursive: true, force: true });
}

let stack: Stack;
let pubSub: SalesforcePubSubClient;
const open: PubSubSubscription[] = [];

beforeAll(async () => {
  stack = await startStack(200);
  pubSub = new SalesforcePubSubClient({
    endpoint: stack.sandbox.pubSub.endpoint,
    caCertificatePath: stack.caPath,
    auth: stack.salesforce.pubSubAuth,
  });
});

afterAll(async () => {
  for (const subscription of open) subscription.cancel();
  await stopStack(stack);
});

async function rest<T>(
  { salesforce }: Pick<Stack, "salesforce">,
  method: string,
  resource: string,
  body?: unknown,
): Promise<T> {
  const { accessToken, instanceUrl } = await salesforce.pubSubAuth.current();
  const response = await fetch(`${instanceUrl}/services/data/v62.0/${resource}`, {
    method,
    headers: { authorization: `Bearer ${accessToken}`, "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`${method} ${resource}: ${response.status}`);
  return (await response.json()) as T;
}

/** A new Pending Review Order, approved by staff; its Id. */
async function approvedOrder(on: Stack = stack): Promise<string> {
  const { id } = await rest<{ id: string }>(on, "POST", "sobjects/Order", {
    AccountId: on.accountId,
    Status: "Pending Review",
    EffectiveDate: "2026-03-31",
  });
  const approved = await fetch(`${on.sandbox.url}/__control/salesforce/orders/${id}/approve`, {
    method: "POST",
  });
  expect(approved.status).toBe(200);
  return id;
}

/**
 * A subscription recording its batches; `until` waits for a condition on them. `options.handle`
 * runs after a batch is recorded and holds it until it settles; `options.client` subscribes with
 * another client than the shared one.
 */
class Recorder {
  readonly batches: PubSubBatch[] = [];
  ended: Error | null | undefined;
  subscription!: PubSubSubscription;
  private waiters: (() => void)[] = [];

  constructor(
    topic: string,
    replay: ReplayStart,
    numRequested: number,
    options: { client?: SalesforcePubSubClient; handle?: () => Promise<void> } = {},
  ) {
    this.subscription = (options.client ?? pubSub).subscribe(
      { topic, replay, numRequested },
      {
        batch: async (batch) => {
          this.batches.push(batch);
          this.wake();
          await options.handle?.();
        },
        end: (error) => {
          this.ended = error;
          this.wake();
        },
      },
    );
    open.push(this.subscription);
  }

  get events(): PubSubEvent[] {
    return this.batches.flatMap((batch) => batch.events);
  }

  /** Resolves once `condition` holds (checked at each batch or end), or fails after 5 s. */
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

  /** Wakes the `until` calls to check their conditions again. */
  wake(): void {
    for (const wake of this.waiters.splice(0)) wake();
  }
}

describe("SalesforcePubSubClient against the sandbox", () => {
  it("maps an approval to an Order change (fields decoded from the bitmaps) and the fulfilment request event", async () => {
    const orders = new Recorder("/data/OrderChangeEvent", { preset: "LATEST" }, 100);
    const requests = new Recorder(
      "/event/Order_Fulfilment_Requested__e",
      { preset: "LATEST" },
      100,
    );
    // A keep-alive shows each stream is subscribed before the approval.
    await orders.until(() => orders.batches.length > 0);
    await requests.until(() => requests.batches.length > 0);

    const orderId = await approvedOrder();
    await orders.until(() => orders.events.length === 2);
    await requests.until(() => requests.events.length === 1);
    const [created, approved] = orders.events;
    expect(created).toMatchObject({
      kind: "change",
      entity: "Order",
      changeType: "CREATE",
      recordIds: [orderId],
      order: { status: "pending_review", accountId: stack.accountId },
    });
    expect(approved).toMatchObject({
      kind: "change",
      topic: "/data/OrderChangeEvent",
      entity: "Order",
      changeType: "UPDATE",
      recordIds: [orderId],
      changedFields: expect.arrayContaining(["Status", "LastModifiedDate"]),
      order: { status: "approved", activationStatus: null, accountId: null },
    });
    expect(approved?.replayId).toMatch(/^[0-9a-f]{16}$/);
    expect(approved?.kind === "change" && Date.parse(approved.commitTimestamp)).toBeGreaterThan(0);
    expect(requests.events[0]).toMatchObject({
      kind: "orderFulfilmentRequested",
      orderId,
      accountId: stack.accountId,
    });
    // What the subscriber reads when an Order change does not name its Account.
    expect(await stack.salesforce.orders.accountOf(orderId)).toBe(stack.accountId);
    expect(await stack.salesforce.orders.accountOf("801000000000000AAA")).toBeNull();
  });

  it("delivers no more than requested, more on request, and after a CUSTOM replay id only what follows it", async () => {
    const earliest = new Recorder(
      "/event/Order_Fulfilment_Requested__e",
      { preset: "EARLIEST" },
      1,
    );
    await earliest.until(() => earliest.events.length === 1);
    await approvedOrder();
    earliest.subscription.request(1);
    await earliest.until(() => earliest.events.length === 2);
    expect(earliest.batches.every((batch) => batch.events.length <= 1)).toBe(true);

    const [first, second] = earliest.events;
    const custom = new Recorder(
      "/event/Order_Fulfilment_Requested__e",
      { preset: "CUSTOM", replayId: first?.replayId ?? "" },
      100,
    );
    await custom.until(() => custom.events.length >= 1);
    expect(custom.events[0]?.replayId).toBe(second?.replayId);
  });

  it("ends with an auth error after the session expired, and signs in again on the next subscribe", async () => {
    await stack.salesforce.pubSubAuth.current();
    expect(
      (await fetch(`${stack.sandbox.url}/__control/salesforce/expire-sessions`, { method: "POST" }))
        .status,
    ).toBe(204);
    const refused = new Recorder("/data/OrderChangeEvent", { preset: "LATEST" }, 10);
    await refused.until(() => refused.ended !== undefined);
    expect(refused.ended).toBeInstanceOf(SalesforceError);
    expect(refused.ended).toMatchObject({ kind: "auth" });

    const renewed = new Recorder("/data/OrderChangeEvent", { preset: "LATEST" }, 10);
    await renewed.until(() => renewed.batches.length > 0);
    expect(renewed.ended).toBeUndefined();
  });

  it("ends with a replay id refusal for an id it never issued", async () => {
    const unknown = new Recorder(
      "/data/OrderChangeEvent",
      { preset: "CUSTOM", replayId: "7fffffffffffffff" },
      10,
    );
    await unknown.until(() => unknown.ended !== undefined);
    expect(unknown.ended).toMatchObject({
      kind: "rejected",
      vendorCode: "sfdc.platform.eventbus.grpc.subscription.fetch.replayid.validation.failed",
    });
  });
});

describe("SalesforcePubSubClient on a stream gone silent", () => {
  let silent: Stack | undefined;

  afterAll(async () => {
    await stopStack(silent);
  });

  it("gives the stream up after the idle timeout, but ends only once the batch being handled settled", async () => {
    // No keep-alive within the test: the stream falls silent after its first batch.
    silent = await startStack(60_000);
    const warnings: string[] = [];
    const client = new SalesforcePubSubClient({
      endpoint: silent.sandbox.pubSub.endpoint,
      caCertificatePath: silent.caPath,
      auth: silent.salesforce.pubSubAuth,
      idleTimeoutMs: 1_000,
      logger: {
        warn: (_context, message) => {
          warnings.push(message);
          recorder.wake();
        },
        debug: () => undefined,
      },
    });
    await approvedOrder(silent);
    let endedWhileHandling: boolean | undefined;
    const recorder: Recorder = new Recorder(
      "/event/Order_Fulfilment_Requested__e",
      { preset: "EARLIEST" },
      1,
      {
        client,
        // The batch is held until the client gave the silent stream up (or wrongly ended it).
        handle: async () => {
          await recorder.until(() => recorder.ended !== undefined || warnings.length > 0);
          endedWhileHandling = recorder.ended !== undefined;
        },
      },
    );
    await recorder.until(() => recorder.ended !== undefined);
    expect(recorder.events).toHaveLength(1);
    expect(endedWhileHandling).toBe(false);
    expect(recorder.ended).toBeInstanceOf(SalesforceError);
    expect(recorder.ended).toMatchObject({ kind: "unavailable" });
    expect(recorder.ended?.message).toContain("keep-alive");
  });
});
