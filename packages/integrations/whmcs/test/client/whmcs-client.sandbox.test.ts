import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { generateDevSecrets, startSandbox, type WhmcsResponseMode } from "@portal/sandbox";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { WhmcsClient } from "../../src/index.js";

/*
 * The client's public API against the sandbox's WHMCS stand-in, in both response modes: `current`
 * (JSON numbers and booleans, as the current api-reference examples) and `legacy` (every scalar
 * a string, as the pre-8 examples). Whatever the encoding, the client must read the same data.
 */

type Sandbox = Awaited<ReturnType<typeof startSandbox>>;

const NOW = new Date("2026-03-31T03:00:00Z");

let directory: string;
let sandbox: Sandbox;
let client: WhmcsClient;

beforeAll(async () => {
  directory = await mkdtemp(path.join(tmpdir(), "whmcs-client-sandbox-"));
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
    now: () => NOW,
    logger: false,
  });
  client = new WhmcsClient({
    baseUrl: sandbox.urls.whmcs,
    identifier: secrets.whmcsApiIdentifier,
    secret: secrets.whmcsApiSecret,
    timeoutMs: 5_000,
    concurrency: 4,
    ratePerSecond: 1_000,
    readRetries: 0,
    customFields: { lastNameKana: 1, firstNameKana: 2 },
    now: () => NOW,
  });
});
afterAll(async () => {
  await sandbox.close();
  await rm(directory, { recursive: true, force: true });
});

describe.each<WhmcsResponseMode>(["current", "legacy"])("WhmcsClient, %s response mode", (mode) => {
  beforeEach(async () => {
    await sandbox.reset();
    sandbox.setWhmcsResponseMode(mode);
  });

  it("finds the demo client and reads its details", async () => {
    expect(await client.clients.findIdByEmail("demo@example.com")).toBe(1);
    expect(await client.clients.get(1)).toMatchObject({
      id: 1,
      email: "demo@example.com",
      firstName: "Taro",
      currency: "JPY",
      status: "active",
      address: { prefecture: "Tokyo", postcode: "100-0005" },
    });
    expect(await client.clients.get(42)).toBeNull();
  });

  it("pages invoices newest first with totals in minor units", async () => {
    const page = await client.billing.getInvoices({ clientId: 1, page: 1, pageSize: 5 });
    expect(page.totalResults).toBe(14);
    expect(page.invoices.map((invoice) => invoice.id)).toEqual([1014, 1013, 1012, 1011, 1010]);
    expect(page.invoices[0]).toMatchObject({ total: { amount: 5830, currency: "JPY" } });
    expect(page.invoices[1]?.status).toBe("overdue");
  });

  it("reads one invoice with its lines and payment", async () => {
    const paid = await client.billing.getInvoice(1012, "JPY");
    expect(paid?.clientId).toBe(1);
    expect(paid?.invoice).toMatchObject({ id: 1012, status: "paid" });
    expect(await client.billing.getInvoice(999, "JPY")).toBeNull();
  });

  it("creates and updates a client, and gets an SSO link and the pay methods", async () => {
    const { clientId } = await client.clients.add({
      email: "new@example.com",
      firstName: "Hanako",
      lastName: "Suzuki",
      lastNameKana: "スズキ",
      firstNameKana: "ハナコ",
      phone: "080-3456-7890",
      address: {
        postcode: "220-0012",
        prefecture: "Kanagawa",
        city: "Nishi-ku, Yokohama",
        street: "3-1-1 Minatomirai",
        building: "",
        country: "JP",
      },
      customerNumber: "100002",
    });
    expect(clientId).toBe(101);
    await client.clients.update(clientId, { firstName: "Hana", firstNameKana: "ハナ" });
    expect(await client.clients.get(clientId)).toMatchObject({
      firstName: "Hana",
      lastNameKana: "スズキ",
      firstNameKana: "ハナ",
      portalCustomerNumber: "100002",
    });
    const sso = await client.billing.createSsoToken({ clientId: 1, invoiceId: 1014 });
    expect(sso.url.startsWith(`${sandbox.urls.whmcs}/oauth/singlesignon.php?access_token=`)).toBe(
      true,
    );
    expect(await client.billing.getPayMethods(1)).toEqual([
      expect.objectContaining({ type: "remote_card", cardLastFour: "4242", expired: false }),
    ]);
    expect((await client.billing.getPaymentGateways()).map((gateway) => gateway.module)).toEqual([
      "stripe",
      "banktransfer",
      "directdebit",
    ]);
    const manage = await client.billing.createPaymentMethodsSsoToken(1);
    const landing = await fetch(manage.url, { redirect: "manual" });
    expect(landing.headers.get("location")).toMatch(/\/account\/paymentmethods$/);
    await client.system.ping();
  });

  it("places an order under a reference, finds it again, accepts it twice, and lists its services", async () => {
    const reference = "801DEMO000000042";
    expect(await client.orders.findByReference(1, reference)).toBeNull();
    const placed = await client.orders.add({
      clientId: 1,
      paymentMethod: "stripe",
      reference,
      noEmail: true,
      lines: [{ productId: 202, billingCycle: "monthly" }, { productId: 301 }],
    });
    expect(placed).toEqual({ orderId: 4, serviceIds: [4, 5], invoiceId: expect.any(Number) });

    const found = await client.orders.findByReference(1, reference);
    expect(found).toEqual({
      id: 4,
      number: expect.stringMatching(/^\d{10}$/),
      clientId: 1,
      status: "pending",
      invoiceId: placed.invoiceId,
      serviceIds: [4, 5],
    });
    expect(await client.orders.findByReference(2, reference)).toBeNull();

    await client.orders.accept(4);
    await client.orders.accept(4);
    expect((await client.orders.get(4))?.status).toBe("active");
    expect((await client.orders.find({ clientId: 1, status: "active" })).map((o) => o.id)).toEqual([
      4, 1,
    ]);
    await expect(client.orders.accept(999)).rejects.toMatchObject({ kind: "rejected" });

    const services = await client.services.list(1, "JPY");
    expect(services.map((service) => [service.id, service.productId, service.status])).toEqual([
      [1, 101, "active"],
      [4, 202, "active"],
      [5, 301, "active"],
    ]);
    expect(services[1]).toMatchObject({
      orderId: 4,
      recurring: { amount: 860, currency: "JPY" },
      customFields: { "Salesforce Order ID": reference },
    });
    expect(await client.services.get(5, "JPY")).toMatchObject({
      productName: "VPN router Standard",
    });
    expect(await client.services.get(999, "JPY")).toBeNull();
  });

  it("refuses to order a product without the reference field", async () => {
    await expect(
      client.orders.add({
        clientId: 1,
        paymentMethod: "stripe",
        reference: "801X",
        lines: [{ productId: 9999 }],
      }),
    ).rejects.toMatchObject({ kind: "rejected", operation: "AddOrder" });
  });
});
