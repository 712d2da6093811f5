import { copyFile, mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { raw } from "@portal/whmcs";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  createTestSecrets,
  removeTestSecrets,
  startTestSandbox,
  whmcsCall,
  type TestSecrets,
} from "./support/test-sandbox.js";
import { salesforceSession } from "./support/salesforce-session.js";

/** A `.data/sandbox/state.json` as the previous sandbox (schemaVersion 1) wrote it. */
const V1_FIXTURE = fileURLToPath(new URL("./fixtures/state-v1.json", import.meta.url));

let secrets: TestSecrets;
let dataDir: string;

beforeAll(async () => {
  secrets = await createTestSecrets();
});
afterAll(async () => {
  await removeTestSecrets(secrets);
});
beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "sandbox-upgrade-"));
  await copyFile(V1_FIXTURE, path.join(dataDir, "state.json"));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe("state upgrade from version 1 (single state.json)", () => {
  it("splits it into per-system files at the current version and keeps the old file aside", async () => {
    const sandbox = await startTestSandbox(secrets, { dataDir });
    await sandbox.close();
    expect((await readdir(dataDir)).sort()).toEqual([
      "freebit.json",
      "pubsub-tls.crt",
      "salesforce.json",
      "state.json.v1-upgraded",
      "whmcs.json",
    ]);
    const whmcs = JSON.parse(await readFile(path.join(dataDir, "whmcs.json"), "utf8")) as {
      version: number;
      state: { seedDate: string; clients: { passwordHash: unknown }[]; invoices: unknown[] };
    };
    expect(whmcs.version).toBe(5);
    expect(whmcs.state.seedDate).toBe("2026-03-01");
    expect(whmcs.state.clients[0]?.passwordHash).toBeNull();
    expect(whmcs.state.invoices[0]).toMatchObject({
      createdAt: "2026-02-01 00:00:00",
      paymethodid: null,
      datecancelled: null,
    });
  });

  it("keeps the WHMCS data: clients and invoices answer as before, with the WHMCS 8 fields", async () => {
    const sandbox = await startTestSandbox(secrets, { dataDir });
    try {
      const details = await whmcsCall(sandbox, secrets, "GetClientsDetails", { clientid: 1 });
      expect(raw.getClientsDetailsResponseSchema.parse(details.body).client.email).toBe(
        "demo@example.com",
      );
      const invoices = await whmcsCall(sandbox, secrets, "GetInvoices", { userid: 1 });
      expect(invoices.body).toMatchObject({
        totalresults: 1,
        invoices: {
          invoice: [{ id: 1001, total: "5830.00", created_at: "2026-02-01 00:00:00" }],
        },
      });
    } finally {
      await sandbox.close();
    }
  });

  it("gives Salesforce ids a valid checksum and still answers to the old ids", async () => {
    const sandbox = await startTestSandbox(secrets, { dataDir });
    try {
      const session = await salesforceSession(sandbox, secrets);
      const byOldId = await session.get("/services/data/v62.0/sobjects/Account/001DEMO00000001AAA");
      expect(byOldId.status).toBe(200);
      expect(byOldId.body).toMatchObject({ Id: "001DEMO00000001YDA", Name: "Taro Yamada" });
      const contacts = await session.get(
        `/services/data/v62.0/query?q=${encodeURIComponent("SELECT Id, AccountId FROM Contact WHERE AccountId = '001DEMO00000001AAA'")}`,
      );
      expect(contacts.body).toMatchObject({
        totalSize: 1,
        records: [{ Id: "003DEMO00000001YDA", AccountId: "001DEMO00000001YDA" }],
      });
    } finally {
      await sandbox.close();
    }
  });

  it("gains the migration customer 100004: WHMCS #100 with a login and invoices, its Account", async () => {
    const sandbox = await startTestSandbox(secrets, { dataDir });
    try {
      const login = await whmcsCall(sandbox, secrets, "ValidateLogin", {
        email: "yuki.kobayashi@example.com",
        password2: "Legacy1234!whmcs",
      });
      expect(login.body).toMatchObject({ result: "success", userid: "100" });
      const invoices = await whmcsCall(sandbox, secrets, "GetInvoices", { userid: 100 });
      // Numbered after the fixture's one invoice (#1001); listed newest first.
      expect(invoices.body).toMatchObject({
        totalresults: 3,
        invoices: { invoice: [{ id: 1004 }, { id: 1003 }, { id: 1002 }] },
      });
      const session = await salesforceSession(sandbox, secrets);
      const accounts = await session.get(
        `/services/data/v62.0/query?q=${encodeURIComponent("SELECT Id, Portal_Status__c, WH_Account__c FROM Account WHERE SF_Account_No__c = '100004'")}`,
      );
      expect(accounts.body).toMatchObject({
        totalSize: 1,
        records: [{ Portal_Status__c: "Not Yet", WH_Account__c: "100" }],
      });
    } finally {
      await sandbox.close();
    }
  });

  it("gains customer 100005 (Mei Ito) for sign-up, with her Contact's reading", async () => {
    const sandbox = await startTestSandbox(secrets, { dataDir });
    try {
      const session = await salesforceSession(sandbox, secrets);
      const contacts = await session.get(
        `/services/data/v62.0/query?q=${encodeURIComponent("SELECT LastNameKana__c, FirstNameKana__c, Account.Phone, Account.Portal_Status__c FROM Contact WHERE Account.SF_Account_No__c = '100005'")}`,
      );
      expect(contacts.body).toMatchObject({
        totalSize: 1,
        records: [
          {
            LastNameKana__c: "イトウ",
            FirstNameKana__c: "メイ",
            Account: { Phone: "080-5678-9012", Portal_Status__c: "Not Yet" },
          },
        ],
      });
    } finally {
      await sandbox.close();
    }
  });

  it("gains the product catalog: both price books and the portal's entries with their products", async () => {
    const sandbox = await startTestSandbox(secrets, { dataDir });
    try {
      const session = await salesforceSession(sandbox, secrets);
      const pricebooks = await session.get(
        `/services/data/v62.0/query?q=${encodeURIComponent("SELECT Name, IsStandard FROM Pricebook2 ORDER BY Name")}`,
      );
      expect(pricebooks.body).toMatchObject({
        records: [
          { Name: "Portal", IsStandard: false },
          { Name: "Standard Price Book", IsStandard: true },
        ],
      });
      const entry = await session.get(
        `/services/data/v62.0/query?q=${encodeURIComponent("SELECT UnitPrice, Product2.StockKeepingUnit, Product2.Name, Product2.Name_En__c FROM PricebookEntry WHERE Pricebook2.Name = 'Portal' AND Product2.StockKeepingUnit = 'SIM-VOICE-2GB'")}`,
      );
      expect(entry.body).toMatchObject({
        totalSize: 1,
        records: [
          {
            UnitPrice: 773,
            Product2: {
              StockKeepingUnit: "SIM-VOICE-2GB",
              Name: "音声SIM 2GB",
              Name_En__c: "SIM Data+Voice 2GB",
            },
          },
        ],
      });
    } finally {
      await sandbox.close();
    }
  });

  it("gives the seeded names their katakana readings: WHMCS custom fields, Contact fields", async () => {
    const sandbox = await startTestSandbox(secrets, { dataDir });
    try {
      const details = await whmcsCall(sandbox, secrets, "GetClientsDetails", { clientid: 1 });
      expect(raw.getClientsDetailsResponseSchema.parse(details.body).client.customfields).toEqual([
        { id: 1, value: "ヤマダ" },
        { id: 2, value: "タロウ" },
      ]);
      const session = await salesforceSession(sandbox, secrets);
      const contacts = await session.get(
        `/services/data/v62.0/query?q=${encodeURIComponent("SELECT LastNameKana__c, FirstNameKana__c FROM Contact WHERE Id = '003DEMO00000001YDA'")}`,
      );
      expect(contacts.body).toMatchObject({
        records: [{ LastNameKana__c: "ヤマダ", FirstNameKana__c: "タロウ" }],
      });
    } finally {
      await sandbox.close();
    }
  });

  it("gains the seeded clients' services, the ones their invoices bill, and no other order", async () => {
    const sandbox = await startTestSandbox(secrets, { dataDir });
    try {
      const services = await whmcsCall(sandbox, secrets, "GetClientsProducts", { clientid: 1 });
      expect(
        raw.getClientsProductsResponseSchema
          .parse(services.body)
          .products.map((service) => [service.id, service.pid, service.status]),
      ).toEqual([[1, 101, "Active"]]);
      const orders = await whmcsCall(sandbox, secrets, "GetOrders", {});
      expect(raw.getOrdersResponseSchema.parse(orders.body).totalresults).toBe(2);
    } finally {
      await sandbox.close();
    }
  });

  it("upgrades once: a second start reads the per-system files", async () => {
    const first = await startTestSandbox(secrets, { dataDir });
    await whmcsCall(first, secrets, "UpdateClient", { clientid: 1, firstname: "Taroo" });
    await first.close();
    const second = await startTestSandbox(secrets, { dataDir });
    try {
      const details = await whmcsCall(second, secrets, "GetClientsDetails", { clientid: 1 });
      expect(raw.getClientsDetailsResponseSchema.parse(details.body).client.firstname).toBe(
        "Taroo",
      );
    } finally {
      await second.close();
    }
  });
});
