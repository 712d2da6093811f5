import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import { promisify } from "node:util";
import {
  fulfilmentDeadLetterListSchema,
  fulfilmentDeadLetterSchema,
  ssoLinkSchema,
} from "@portal/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEV_OPS_API_TOKEN } from "../src/modules/config/config.schema.js";
import { FulfilmentService } from "../src/modules/fulfilment/fulfilment.service.js";
import { expectApiError } from "./support/api-error.js";
import { signupBody, UNREGISTERED } from "./support/demo-data.js";
import { eventually } from "./support/eventually.js";
import { HttpSession } from "./support/http-session.js";
import { type PortalClient } from "./support/portal-client.js";
import { EID, MNP, staffSimOrder } from "./support/fulfilment-orders.js";
import { startStack, type Stack } from "./support/stack.js";

/*
 * The operators' endpoints over HTTP (issue 8 "Operations", contract §3): refused without the
 * bearer token, and with it a dead-lettered fulfilment listed, inspected and retried until the
 * Order is Activated; the Order marked RETRIES_EXHAUSTED when transient failures outlast the
 * job's retries.
 */

const DEAD_LETTERS = "/api/ops/fulfilment/dead-letters";
let stack: Stack;
/** Signed-up customers without a payment method (until a test adds one), by name. */
const customers = new Map<keyof typeof UNREGISTERED, PortalClient>();

/** `fetch` to the BFF as an operator (or with `token`; null = no Authorization header). */
async function ops(
  method: "GET" | "POST",
  path: string,
  token: string | null = DEV_OPS_API_TOKEN,
): Promise<{ status: number; json: unknown }> {
  const response = await fetch(`${stack.bffUrl}${path}`, {
    method,
    headers: token === null ? {} : { authorization: `Bearer ${token}` },
  });
  const text = await response.text();
  return { status: response.status, json: text === "" ? null : (JSON.parse(text) as unknown) };
}

/** Runs `npm run ops -- <args>` (scripts/ops.mjs) against the test BFF; never reads a `.env`. */
async function opsCli(...args: string[]): Promise<{ stdout: string; code: number }> {
  try {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [new URL("../../../scripts/ops.mjs", import.meta.url).pathname, ...args],
      {
        env: { ...process.env, PORTAL_ENV_FILE: "none", BFF_URL: stack.bffUrl, OPS_API_TOKEN: "" },
      },
    );
    return { stdout, code: 0 };
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string; code?: number };
    return { stdout: `${failed.stdout ?? ""}${failed.stderr ?? ""}`, code: failed.code ?? 1 };
  }
}

/** A data-SIM Order for the customer's Account (physical unless `sim` says otherwise), approved by staff. */
async function approvedOrder(
  who: keyof typeof UNREGISTERED,
  sim?: Parameters<typeof staffSimOrder>[4],
): Promise<string> {
  const orderId = await staffSimOrder(
    stack,
    customer(who),
    UNREGISTERED[who].accountId,
    `ops-test-${who}-${Date.now()}`,
    sim,
  );
  await stack.salesforce.update("Order", orderId, { Status: "Approved" });
  return orderId;
}

function customer(who: keyof typeof UNREGISTERED): PortalClient {
  const client = customers.get(who);
  if (!client) throw new Error(`${who} has not signed up`);
  return client;
}

async function orderRow(orderId: string): Promise<Record<string, unknown>> {
  const [row] = await stack.salesforce.query(
    `SELECT Id, Status, Activation_Status__c, Activation_Error_Code__c, Activation_Error_Message__c FROM Order WHERE Id = '${orderId}'`,
  );
  return row ?? {};
}

/**
 * Works the Order's fulfilment job (try `retryCount`) while WHMCS answers GetPayMethods with 503:
 * the try fails transiently at `payment-method`, after the Order's snapshot was kept.
 */
async function fulfilWhileWhmcsUnavailable(orderId: string, retryCount: number): Promise<void> {
  await stack.control.fault({
    system: "whmcs",
    match: "GetPayMethods",
    kind: "http5xx",
    status: 503,
  });
  try {
    await expect(stack.app.get(FulfilmentService).fulfil(orderId, retryCount)).rejects.toThrow();
  } finally {
    await stack.control.clearFaults();
  }
}

/** Adds a card through the WHMCS client area, as the payments page sends the customer there. */
async function addCard(client: PortalClient): Promise<void> {
  const link = ssoLinkSchema.parse((await client.post("/api/payment-methods/sso-link")).json);
  const browser = new HttpSession(link.url);
  const landing = await browser.request("GET", link.url);
  const pageUrl = new URL(landing.headers.get("location") ?? "", link.url).toString();
  const added = await browser.request("POST", `${pageUrl}/add`, {
    rawBody: new URLSearchParams({
      type: "card",
      card_number: "3530111333300000",
      card_expiry: "09/30",
    }).toString(),
    headers: { "content-type": "application/x-www-form-urlencoded" },
  });
  expect(added.status).toBe(303);
}

beforeAll(async () => {
  stack = await startStack();
  await stack.control.freebitActivationDelay(0);
  for (const who of ["hanako", "kenji"] as const) {
    const client = stack.newClient();
    expect((await client.signup(signupBody(UNREGISTERED[who]))).status).toBe(201);
    customers.set(who, client);
  }
});

afterAll(async () => {
  await stack?.close();
});

describe("/api/ops/fulfilment/dead-letters", () => {
  it("refuses requests without the operator token, or with another, as 401 UNAUTHENTICATED", async () => {
    for (const token of [null, "not-the-token-not-the-token-not-the-token"]) {
      const list = await ops("GET", DEAD_LETTERS, token);
      expect(list.status).toBe(401);
      expect(list.json).toMatchObject({ error: { code: "UNAUTHENTICATED" } });
    }
    const retry = await ops(
      "POST",
      `${DEAD_LETTERS}/00000000-0000-4000-8000-000000000000/retry`,
      null,
    );
    expect(retry.status).toBe(401);
    // A customer's session is not an operator's.
    expectApiError(await customer("hanako").get(DEAD_LETTERS), 401, "UNAUTHENTICATED");
  });

  it("shows a dead-lettered MNP eSIM order's run without the EID or the porting details", async () => {
    // Kenji has no payment method yet: the job is dead-lettered at once (the failed run keeps no
    // checkpoints). A later try that stops on a transient failure keeps the Order's snapshot —
    // EID and MNP included — in its checkpoints, which the dead letter's view then shows.
    const orderId = await approvedOrder("kenji", { simType: "esim", eid: EID, mnp: MNP });
    await stack.app.get(FulfilmentService).request(orderId);
    const letterId = (
      await eventually(
        async () => fulfilmentDeadLetterListSchema.parse((await ops("GET", DEAD_LETTERS)).json),
        (list) => list.items.some((item) => item.orderId === orderId),
        { attempts: 200, intervalMs: 100 },
      )
    ).items.find((item) => item.orderId === orderId)?.id;
    await fulfilWhileWhmcsUnavailable(orderId, 0);

    const listed = await ops("GET", DEAD_LETTERS);
    const shown = await ops("GET", `${DEAD_LETTERS}/${letterId}`);
    expect(shown.status).toBe(200);
    // The snapshot is there, its personal parts are not.
    expect(fulfilmentDeadLetterSchema.parse(shown.json).run).toMatchObject({
      status: "running",
      steps: expect.arrayContaining([
        {
          step: "order",
          output: expect.objectContaining({
            sim: { simType: "esim", eid: "[redacted]", mnp: "[redacted]" },
          }),
          finishedAt: expect.any(String),
        },
      ]),
    });
    for (const view of [JSON.stringify(listed.json), JSON.stringify(shown.json)]) {
      for (const personal of [
        EID,
        MNP.reservationNumber,
        MNP.lastName,
        MNP.firstName,
        MNP.lastNameKana,
        MNP.firstNameKana,
        MNP.birthdate,
      ]) {
        expect(view).not.toContain(personal);
      }
    }
  });

  it.each([
    ["hanako", "the endpoint"],
    ["kenji", "the CLI"],
  ] as const)(
    "lists, inspects and retries (%s, by %s) a dead-lettered fulfilment until the Order is Activated",
    async (who, by) => {
      const retryByCli = by === "the CLI";
      const orderId = await approvedOrder(who);
      await stack.app.get(FulfilmentService).request(orderId);

      const listed = await eventually(
        async () => fulfilmentDeadLetterListSchema.parse((await ops("GET", DEAD_LETTERS)).json),
        (list) => list.items.some((item) => item.orderId === orderId),
        { attempts: 200, intervalMs: 100 },
      );
      const letter = listed.items.find((item) => item.orderId === orderId);
      expect(letter).toMatchObject({ payload: { orderId }, run: { status: "failed" } });
      expect(letter?.run?.error).toMatch(/^payment-method: /);
      expect(await orderRow(orderId)).toMatchObject({
        Activation_Status__c: "Failed",
        Activation_Error_Code__c: "NO_PAYMENT_METHOD",
      });

      const shown = await ops("GET", `${DEAD_LETTERS}/${letter?.id}`);
      expect(shown.status).toBe(200);
      expect(fulfilmentDeadLetterSchema.parse(shown.json)).toEqual(letter);
      expect(
        (await ops("GET", `${DEAD_LETTERS}/00000000-0000-4000-8000-000000000000`)).status,
      ).toBe(404);
      expect((await ops("GET", `${DEAD_LETTERS}/not-a-uuid`)).json).toMatchObject({
        error: { code: "VALIDATION_FAILED", fields: { id: expect.any(String) } },
      });

      const listedByCli = await opsCli("dlq", "list");
      expect(listedByCli.code).toBe(0);
      expect(listedByCli.stdout).toContain(`${letter?.id}`);
      expect(listedByCli.stdout).toContain(`Order ${orderId}  failed — payment-method:`);
      const shownByCli = await opsCli("dlq", "show", String(letter?.id));
      expect(fulfilmentDeadLetterSchema.parse(JSON.parse(shownByCli.stdout))).toEqual(letter);
      expect(await opsCli("dlq", "show")).toMatchObject({ code: 2 });

      await addCard(customer(who));
      if (retryByCli) {
        const retriedByCli = await opsCli("dlq", "retry", String(letter?.id));
        expect(retriedByCli).toEqual({
          code: 0,
          stdout: `Order ${orderId} queued for fulfilment again.\n`,
        });
      } else {
        const retried = await ops("POST", `${DEAD_LETTERS}/${letter?.id}/retry`);
        expect(retried).toEqual({ status: 202, json: { orderId, queued: true } });
      }

      await eventually(
        () => orderRow(orderId),
        (row) => row.Activation_Status__c === "Activated",
        { attempts: 300, intervalMs: 100 },
      );
      expect(await orderRow(orderId)).toMatchObject({
        Status: "Activated",
        Activation_Error_Code__c: null,
      });
      expect((await ops("GET", `${DEAD_LETTERS}/${letter?.id}`)).status).toBe(404);
      expect((await ops("POST", `${DEAD_LETTERS}/${letter?.id}/retry`)).status).toBe(404);
    },
  );

  it("the CLI uses the BFF's development token and reports a refusal", async () => {
    const script = await readFile(new URL("../../../scripts/ops.mjs", import.meta.url), "utf8");
    expect(script).toContain(`const DEV_OPS_API_TOKEN = "${DEV_OPS_API_TOKEN}";`);
    const refused = await promisify(execFile)(
      process.execPath,
      [new URL("../../../scripts/ops.mjs", import.meta.url).pathname, "dlq", "list"],
      {
        env: {
          ...process.env,
          PORTAL_ENV_FILE: "none",
          BFF_URL: stack.bffUrl,
          OPS_API_TOKEN: "x".repeat(40),
        },
      },
    ).catch((error: { stderr: string; code: number }) => error);
    expect(refused).toMatchObject({
      code: 1,
      stderr: expect.stringContaining("401 UNAUTHENTICATED"),
    });
  });

  it("marks the Order Failed with RETRIES_EXHAUSTED when the last try fails transiently, keeping the suspended run to resume", async () => {
    // Hanako has a card by now (above): only the fault stands in the way.
    const orderId = await approvedOrder("hanako");
    await fulfilWhileWhmcsUnavailable(orderId, 8);

    expect(await orderRow(orderId)).toMatchObject({
      Activation_Status__c: "Failed",
      Activation_Error_Code__c: "RETRIES_EXHAUSTED",
      Activation_Error_Message__c: expect.stringContaining("Retries used up"),
    });
    await stack.app.get(FulfilmentService).fulfil(orderId, 0);
    expect((await orderRow(orderId)).Activation_Status__c).toBe("Activated");
  });
});
