import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { FaultSpec, Sandbox } from "../src/index.js";
import {
  createTestSecrets,
  removeTestSecrets,
  startTestSandbox,
  whmcsCall,
  type TestSecrets,
} from "./support/test-sandbox.js";

let secrets: TestSecrets;
let sandbox: Sandbox;

beforeAll(async () => {
  secrets = await createTestSecrets();
  sandbox = await startTestSandbox(secrets);
});
afterAll(async () => {
  await sandbox.close();
  await removeTestSecrets(secrets);
});
beforeEach(async () => {
  await sandbox.reset();
});

async function addFault(
  spec: FaultSpec | Record<string, unknown>,
  target: Sandbox = sandbox,
): Promise<Response> {
  return fetch(`${target.url}/__control/faults`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(spec),
  });
}

async function activeFaults(): Promise<unknown[]> {
  const body = (await (await fetch(`${sandbox.url}/__control/faults`)).json()) as {
    faults: unknown[];
  };
  return body.faults;
}

/** A raw WHMCS call; resolves with status and text so non-JSON answers can be inspected. */
async function whmcsRaw(
  action: string,
  signal?: AbortSignal,
  target: Sandbox = sandbox,
): Promise<{ status: number; text: string }> {
  const form = new URLSearchParams({
    action,
    identifier: secrets.whmcsApiIdentifier,
    secret: secrets.whmcsApiSecret,
    responsetype: "json",
  });
  const response = await fetch(`${target.url}/whmcs/includes/api.php`, {
    method: "POST",
    body: form,
    signal,
  });
  return { status: response.status, text: await response.text() };
}

async function salesforceRaw(path: string): Promise<{ status: number; text: string }> {
  const response = await fetch(`${sandbox.url}/salesforce${path}`);
  return { status: response.status, text: await response.text() };
}

describe("fault injection", () => {
  it("returns the fault id and lists active faults", async () => {
    const response = await addFault({ system: "whmcs", kind: "whmcs-error" });
    expect(response.status).toBe(201);
    const { id } = (await response.json()) as { id: string };
    expect(id).toMatch(/^flt_\d+$/);
    expect(await activeFaults()).toEqual([
      expect.objectContaining({ id, system: "whmcs", kind: "whmcs-error", remaining: null }),
    ]);
  });

  it("whmcs-error answers HTTP 200 with a WHMCS error document", async () => {
    await addFault({
      system: "whmcs",
      match: "GetInvoices",
      kind: "whmcs-error",
      message: "Database is locked",
    });
    expect((await whmcsCall(sandbox, secrets, "GetInvoices", { userid: 1 })).body).toEqual({
      result: "error",
      message: "Database is locked",
    });
  });

  it("http5xx answers the given status (503 by default) for WHMCS and Salesforce", async () => {
    await addFault({ system: "whmcs", kind: "http5xx", times: 1 });
    const first = await whmcsRaw("GetCurrencies");
    expect(first.status).toBe(503);
    expect(first.text).toContain("<html>");
    await addFault({ system: "whmcs", kind: "http5xx", status: 502, times: 1 });
    expect((await whmcsRaw("GetCurrencies")).status).toBe(502);

    await addFault({ system: "salesforce", match: "/services/data", kind: "http5xx", status: 500 });
    const sf = await salesforceRaw("/services/data/");
    expect(sf.status).toBe(500);
    expect(JSON.parse(sf.text)).toEqual([
      expect.objectContaining({ errorCode: "SERVER_UNAVAILABLE" }),
    ]);
  });

  it("sf-request-limit answers 403 REQUEST_LIMIT_EXCEEDED, before authentication", async () => {
    await addFault({ system: "salesforce", match: "/query", kind: "sf-request-limit" });
    const limited = await salesforceRaw("/services/data/v62.0/query?q=SELECT+Id+FROM+Account");
    expect(limited.status).toBe(403);
    expect(JSON.parse(limited.text)).toEqual([
      { errorCode: "REQUEST_LIMIT_EXCEEDED", message: "TotalRequests Limit exceeded." },
    ]);
  });

  it("malformed answers HTTP 200 with a body that is not JSON", async () => {
    await addFault({ system: "whmcs", kind: "malformed", times: 1 });
    const whmcs = await whmcsRaw("GetCurrencies");
    expect(whmcs.status).toBe(200);
    expect(() => JSON.parse(whmcs.text) as unknown).toThrow(SyntaxError);
    await addFault({ system: "salesforce", match: "/oauth2/token", kind: "malformed" });
    const response = await fetch(`${sandbox.url}/salesforce/services/oauth2/token`, {
      method: "POST",
      body: new URLSearchParams({ grant_type: "x" }),
    });
    expect(response.status).toBe(200);
    await expect(response.json()).rejects.toThrow(SyntaxError);
  });

  it("latency delays the answer and then answers normally", async () => {
    await addFault({
      system: "whmcs",
      match: "GetCurrencies",
      kind: "latency",
      latencyMs: 30_000,
      times: 1,
    });
    await expect(whmcsRaw("GetCurrencies", AbortSignal.timeout(300))).rejects.toThrow();
    await addFault({
      system: "whmcs",
      match: "GetCurrencies",
      kind: "latency",
      latencyMs: 5,
      times: 1,
    });
    const delayed = await whmcsRaw("GetCurrencies");
    expect(delayed.status).toBe(200);
    expect(JSON.parse(delayed.text)).toMatchObject({ result: "success" });
  });

  it("timeout never answers, and close() does not wait for the held request", async () => {
    const own = await startTestSandbox(secrets);
    await addFault({ system: "whmcs", kind: "timeout" }, own);
    await expect(whmcsRaw("GetCurrencies", AbortSignal.timeout(300), own)).rejects.toThrow();
    const held = whmcsRaw("GetCurrencies", undefined, own).then(
      () => "answered",
      () => "dropped",
    );
    await expect.poll(() => own.calls().whmcs.GetCurrencies).toBe(2);
    await own.close();
    expect(await held).toBe("dropped");
  });

  it("applies a fault `times` times, then removes it", async () => {
    await addFault({ system: "whmcs", match: "GetCurrencies", kind: "whmcs-error", times: 2 });
    expect((await whmcsCall(sandbox, secrets, "GetCurrencies")).body).toMatchObject({
      result: "error",
    });
    expect(await activeFaults()).toEqual([expect.objectContaining({ remaining: 1 })]);
    expect((await whmcsCall(sandbox, secrets, "GetCurrencies")).body).toMatchObject({
      result: "error",
    });
    expect((await whmcsCall(sandbox, secrets, "GetCurrencies")).body).toMatchObject({
      result: "success",
    });
    expect(await activeFaults()).toEqual([]);
  });

  it("applies only to matching calls", async () => {
    await addFault({ system: "whmcs", match: "addclient", kind: "whmcs-error" });
    await addFault({ system: "salesforce", match: "/sobjects/Account", kind: "http5xx" });
    expect(
      (
        await whmcsCall(sandbox, secrets, "AddClient", {
          email: "x@example.com",
          skipvalidation: "true",
        })
      ).body,
    ).toMatchObject({ result: "error", message: "An unexpected error occurred" });
    expect((await whmcsCall(sandbox, secrets, "GetCurrencies")).body).toMatchObject({
      result: "success",
    });
    expect((await salesforceRaw("/services/data/")).status).toBe(200);
    expect(
      (await salesforceRaw("/services/data/v62.0/sobjects/Account/001DEMO00000001YDA")).status,
    ).toBe(503);
  });

  it("counts faulted calls", async () => {
    await addFault({ system: "whmcs", kind: "http5xx" });
    await whmcsRaw("GetInvoices");
    expect(
      ((await (await fetch(`${sandbox.url}/__control/calls`)).json()) as { whmcs: unknown }).whmcs,
    ).toEqual({ GetInvoices: 1 });
  });

  it("DELETE /__control/faults and reset clear every fault", async () => {
    await addFault({ system: "whmcs", kind: "http5xx" });
    expect((await fetch(`${sandbox.url}/__control/faults`, { method: "DELETE" })).status).toBe(204);
    expect(await activeFaults()).toEqual([]);
    await addFault({ system: "salesforce", kind: "http5xx" });
    expect((await fetch(`${sandbox.url}/__control/reset`, { method: "POST" })).status).toBe(204);
    expect(await activeFaults()).toEqual([]);
    expect((await whmcsRaw("GetCurrencies")).status).toBe(200);
  });

  it("rejects an invalid fault with 400", async () => {
    expect((await addFault({ system: "whmcs", kind: "sf-request-limit" })).status).toBe(400);
    expect((await addFault({ system: "whmcs", kind: "explode" })).status).toBe(400);
    expect((await addFault({ system: "salesforce", kind: "http5xx", status: 404 })).status).toBe(
      400,
    );
  });
});
