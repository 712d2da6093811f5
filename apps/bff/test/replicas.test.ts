import { type AddressInfo } from "node:net";
import { type NestFastifyApplication } from "@nestjs/platform-fastify";
import { invoiceDetailSchema, invoiceListPageSchema } from "@portal/domain";
import { signWebhook } from "@portal/whmcs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBffApp } from "../src/index.js";
import { DEMO } from "./support/demo-data.js";
import { HttpSession } from "./support/http-session.js";
import { PortalClient } from "./support/portal-client.js";
import { startStack, type Stack } from "./support/stack.js";

/**
 * Two BFF replicas on one PostgreSQL and one Redis (issue "foundations" §3): a WHMCS webhook
 * received by one makes the other serve fresh data on its very next request, although both had
 * the value cached (and decoded in process). Only meaningful on shared servers: embedded mode
 * gives every instance its own PGlite and in-process cache.
 */
describe.skipIf(process.env.PORTAL_TEST_MODE !== "servers")("two BFF replicas", () => {
  let stack: Stack;
  let replica: NestFastifyApplication;
  let replicaUrl: string;

  beforeAll(async () => {
    stack = await startStack();
    // The test delivers the webhook itself, to one replica, when it chooses.
    stack.sandbox.setWebhookUrl(null);
    replica = await createBffApp(stack.bffEnv, { logDestination: { write: () => undefined } });
    await replica.listen({ host: "127.0.0.1", port: 0 });
    replicaUrl = `http://127.0.0.1:${(replica.getHttpServer().address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await replica?.close();
    await stack?.close();
  });

  async function signedIn(bffUrl: string): Promise<PortalClient> {
    const client = new PortalClient(bffUrl);
    expect((await client.login(DEMO.email, DEMO.password)).status).toBe(200);
    return client;
  }

  async function invoiceStatus(client: PortalClient, invoiceId: number): Promise<string> {
    const response = await client.get(`/api/invoices/${invoiceId}`);
    expect(response.status).toBe(200);
    return invoiceDetailSchema.parse(response.json).status;
  }

  it("serves fresh data on one replica right after a webhook reached the other", async () => {
    const first = await signedIn(stack.bffUrl);
    const second = await signedIn(replicaUrl);
    const unpaid = invoiceListPageSchema.parse(
      (await first.get("/api/invoices?status=unpaid")).json,
    ).items[0];
    if (!unpaid) throw new Error("the demo customer has no unpaid invoice");
    expect(await invoiceStatus(first, unpaid.id)).toBe("unpaid");
    expect(await invoiceStatus(second, unpaid.id)).toBe("unpaid");

    await stack.control.payInvoice(unpaid.id);
    // Still the cached value on both: nothing has told the BFF yet.
    expect(await invoiceStatus(second, unpaid.id)).toBe("unpaid");
    const body = JSON.stringify({
      event: "InvoicePaid",
      clientId: DEMO.whmcsClientId,
      invoiceId: unpaid.id,
      occurredAt: new Date().toISOString().replace(/\.\d{3}Z$/, "Z"),
    });
    const delivered = await new HttpSession(stack.bffUrl).request("POST", "/api/webhooks/whmcs", {
      rawBody: body,
      headers: {
        "content-type": "application/json",
        ...signWebhook(body, stack.secrets.whmcsWebhookSecret, Math.floor(Date.now() / 1000)),
      },
    });
    expect(delivered.status).toBe(204);

    expect(await invoiceStatus(second, unpaid.id)).toBe("paid");
    const list = invoiceListPageSchema.parse((await second.get("/api/invoices")).json);
    expect(list.items.find((invoice) => invoice.id === unpaid.id)?.status).toBe("paid");
  });
});
