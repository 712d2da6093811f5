import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { raw } from "@portal/whmcs";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  createTestSecrets,
  removeTestSecrets,
  startTestSandbox,
  TEST_NOW,
  whmcsCall,
  type TestSecrets,
} from "./support/test-sandbox.js";

let secrets: TestSecrets;
let dataDir: string;

beforeAll(async () => {
  secrets = await createTestSecrets();
});
afterAll(async () => {
  await removeTestSecrets(secrets);
});
beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "sandbox-state-"));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

const LATER = new Date("2026-05-15T12:00:00Z");

describe("persistent state", () => {
  it("keeps clients, payments and the seed date across close and start on the same data directory", async () => {
    const first = await startTestSandbox(secrets, { dataDir });
    await whmcsCall(first, secrets, "AddClient", {
      email: "new@example.com",
      firstname: "New",
      lastname: "Client",
      password2: "a-password-1",
      skipvalidation: "true",
    });
    expect(
      (await fetch(`${first.url}/__control/whmcs/invoices/1014/pay`, { method: "POST" })).status,
    ).toBe(200);
    await first.close();

    const stored = await readState(dataDir, "whmcs.json");
    expect(stored).toMatchObject({ version: 5, state: { seedDate: "2026-03-31" } });
    expect((await readdir(dataDir)).filter((name) => name.endsWith(".tmp"))).toEqual([]);

    const second = await startTestSandbox(secrets, { dataDir, now: () => LATER });
    try {
      const client = await whmcsCall(second, secrets, "GetClientsDetails", {
        email: "new@example.com",
      });
      expect(raw.getClientsDetailsResponseSchema.parse(client.body).client.id).toBe(101);
      const invoice = raw.getInvoiceResponseSchema.parse(
        (await whmcsCall(second, secrets, "GetInvoice", { invoiceid: 1014 })).body,
      );
      expect(invoice).toMatchObject({ status: "Paid", date: "2026-03-31" });
    } finally {
      await second.close();
    }
  });

  it("reset reseeds the demo data from today's date and persists it", async () => {
    const first = await startTestSandbox(secrets, { dataDir });
    await whmcsCall(first, secrets, "AddClient", {
      email: "new@example.com",
      password2: "a-password-1",
      skipvalidation: "true",
    });
    await first.close();

    const second = await startTestSandbox(secrets, { dataDir, now: () => LATER });
    await second.reset();
    const clients = raw.getClientsResponseSchema.parse(
      (await whmcsCall(second, secrets, "GetClients")).body,
    );
    expect(clients.clients.map((client) => client.email)).toEqual([
      "demo@example.com",
      "other@example.com",
      "yuki.kobayashi@example.com",
    ]);
    const newest = raw.getInvoicesResponseSchema.parse(
      (
        await whmcsCall(second, secrets, "GetInvoices", {
          userid: 1,
          orderby: "date",
          order: "desc",
          limitnum: 1,
        })
      ).body,
    );
    expect(newest.invoices[0]).toMatchObject({ id: 1014, date: "2026-05-15", status: "Unpaid" });
    await second.close();

    expect(await readState(dataDir, "whmcs.json")).toMatchObject({
      state: { seedDate: "2026-05-15" },
    });
    expect(await readState(dataDir, "salesforce.json")).toMatchObject({
      state: { seedDate: "2026-05-15" },
    });
  });

  it("reset also clears the call counters", async () => {
    const sandbox = await startTestSandbox(secrets, { dataDir });
    await whmcsCall(sandbox, secrets, "GetCurrencies");
    expect(sandbox.calls().whmcs).toEqual({ GetCurrencies: 1 });
    await sandbox.reset();
    expect(sandbox.calls()).toEqual({ whmcs: {}, salesforce: {}, freebit: {} });
    await sandbox.close();
  });

  it("refuses to start on a state file that is not a sandbox state, naming the file", async () => {
    await writeFile(path.join(dataDir, "whmcs.json"), JSON.stringify({ hello: "world" }));
    await expect(startTestSandbox(secrets, { dataDir })).rejects.toThrow(
      path.join(dataDir, "whmcs.json"),
    );
  });

  it("seeds with the test date when no state exists", async () => {
    const sandbox = await startTestSandbox(secrets, { dataDir, now: () => TEST_NOW });
    await sandbox.close();
    const stored = (await readState(dataDir, "whmcs.json")) as {
      state: { invoices: unknown[] };
    };
    expect(stored.state.invoices).toHaveLength(20);
  });

  it("refuses a state file written by a newer sandbox", async () => {
    await writeFile(
      path.join(dataDir, "salesforce.json"),
      JSON.stringify({ version: 99, state: {} }),
    );
    await expect(startTestSandbox(secrets, { dataDir })).rejects.toThrow(/version 99, newer/);
  });
});

async function readState(dataDir: string, file: string): Promise<unknown> {
  return JSON.parse(await readFile(path.join(dataDir, file), "utf8")) as unknown;
}
