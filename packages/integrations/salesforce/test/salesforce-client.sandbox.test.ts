import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { generateDevSecrets, startSandbox } from "@portal/sandbox";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import type { SalesforceClientConfig } from "../src/index.js";
import { SalesforceCore } from "../src/core/salesforce-core.js";

/*
 * The client core against the sandbox's Salesforce stand-in: a query whose answer does not fit in
 * one batch is read to the end through `nextRecordsUrl` and the query locator resource.
 */

type Sandbox = Awaited<ReturnType<typeof startSandbox>>;

/** The seed's Contacts plus these make 450: three batches of 200. */
const SEEDED_CONTACTS = 5;
const CREATED_CONTACTS = 450 - SEEDED_CONTACTS;

let directory: string;
let sandbox: Sandbox;
let config: SalesforceClientConfig;

beforeAll(async () => {
  directory = await mkdtemp(path.join(tmpdir(), "salesforce-client-sandbox-"));
  const secrets = await generateDevSecrets(directory);
  sandbox = await startSandbox({
    dataDir: null,
    whmcs: { identifier: secrets.whmcsApiIdentifier, secret: secrets.whmcsApiSecret },
    salesforce: {
      clientId: secrets.sfClientId,
      username: secrets.sfUsername,
      certificatePem: await readFile(secrets.sfCertificatePath, "utf8"),
    },
    webhook: { url: null, secret: secrets.whmcsWebhookSecret },
    logger: false,
  });
  config = {
    loginUrl: sandbox.urls.salesforce,
    audience: "https://login.salesforce.com",
    clientId: secrets.sfClientId,
    username: secrets.sfUsername,
    privateKeyPem: await readFile(secrets.sfPrivateKeyPath, "utf8"),
    apiVersion: "62.0",
    timeoutMs: 5_000,
    concurrency: 8,
    ratePerSecond: 1_000,
    readRetries: 0,
  };
  const writer = new SalesforceCore(config);
  await Promise.all(
    Array.from({ length: CREATED_CONTACTS }, (_, n) =>
      writer.call(
        "createContact",
        (conn) =>
          conn.sobject("Contact").create({ LastName: `Batch ${String(n).padStart(3, "0")}` }),
        { access: "write" },
      ),
    ),
  );
}, 60_000);
afterAll(async () => {
  await sandbox.close();
  await rm(directory, { recursive: true, force: true });
});

const contactRow = z.object({ Id: z.string(), LastName: z.string() });
const allContacts = "SELECT Id, LastName FROM Contact ORDER BY LastName";

describe("SalesforceCore.queryRecords against the sandbox", () => {
  it("follows nextRecordsUrl through every batch of Sforce-Query-Options: batchSize=200", async () => {
    sandbox.resetCalls();
    const core = new SalesforceCore({ ...config, queryBatchSize: 200 });
    const records = await core.queryRecords(
      "listContacts",
      async () => allContacts,
      contactRow,
      "Contact query result",
    );
    expect(records).toHaveLength(CREATED_CONTACTS + SEEDED_CONTACTS);
    expect(new Set(records.map((record) => record.Id)).size).toBe(
      CREATED_CONTACTS + SEEDED_CONTACTS,
    );
    expect(records.map((record) => record.LastName)).toEqual(
      records.map((record) => record.LastName).toSorted((a, b) => a.localeCompare(b)),
    );
    // One query and two locator reads: 200 + 200 + 50.
    expect(sandbox.calls().salesforce).toMatchObject({
      "GET /services/data/:version/query": 1,
      "GET /services/data/:version/query/:locator": 2,
    });
  });

  it("reads the whole answer in one batch without the header", async () => {
    sandbox.resetCalls();
    const records = await new SalesforceCore(config).queryRecords(
      "listContacts",
      async () => allContacts,
      contactRow,
      "Contact query result",
    );
    expect(records).toHaveLength(CREATED_CONTACTS + SEEDED_CONTACTS);
    expect(sandbox.calls().salesforce).not.toHaveProperty(
      "GET /services/data/:version/query/:locator",
    );
  });
});
