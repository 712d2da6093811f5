import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { DEV_FREEBIT_OEM, generateDevSecrets, startSandbox } from "@portal/sandbox";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { FreebitClient, FreebitError } from "../../src/index.js";

/*
 * The client's public API against the sandbox's Freebit stand-in (on its own port, activations
 * completing only by hand so the test decides when).
 */

type Sandbox = Awaited<ReturnType<typeof startSandbox>>;

let directory: string;
let sandbox: Sandbox;
let client: FreebitClient;

const clientFor = (oemKey: string) =>
  new FreebitClient({
    baseUrl: `${sandbox.urls.freebit}/emptool/api`,
    oemId: DEV_FREEBIT_OEM.oemId,
    oemKey,
    contract: {
      masterAccount: "AAA0_00000000001",
      masterPassword: "master-password",
      relationCode: "REL01",
      deliveryCode: "DLV01",
    },
    timeoutMs: 5_000,
    concurrency: 4,
    ratePerSecond: 1_000,
    readRetries: 0,
  });

beforeAll(async () => {
  directory = await mkdtemp(path.join(tmpdir(), "freebit-client-sandbox-"));
  const secrets = await generateDevSecrets(directory);
  sandbox = await startSandbox({
    dataDir: null,
    standInPorts: { freebit: 0 },
    whmcs: { identifier: secrets.whmcsApiIdentifier, secret: secrets.whmcsApiSecret },
    salesforce: {
      clientId: secrets.sfClientId,
      username: secrets.sfUsername,
      certificatePem: await readFile(secrets.sfCertificatePath, "utf8"),
    },
    webhook: { url: null, secret: secrets.whmcsWebhookSecret },
    freebit: { ...DEV_FREEBIT_OEM, activationDelayMs: null },
    logger: false,
  });
  client = clientFor(DEV_FREEBIT_OEM.oemKey);
});
afterAll(async () => {
  await sandbox.close();
  await rm(directory, { recursive: true, force: true });
});
beforeEach(async () => {
  await sandbox.reset();
});

const control = (route: string) =>
  fetch(`${sandbox.url}/__control/freebit/${route}`, { method: "POST" });

describe("FreebitClient", () => {
  it("reads a line, and null for an unknown number", async () => {
    expect(await client.lines.get("07012340002")).toMatchObject({
      simType: "physical",
      state: "active",
    });
    expect(await client.lines.get("09000000000")).toBeNull();
  });

  it("activates an eSIM once per request key and follows it to completion", async () => {
    const request = {
      requestKey: "801DEMO0000001:802DEMO0000001",
      planCode: "VOICE_5GB",
      simType: "esim",
      eid: "8".repeat(32),
      mnp: null,
      shipDate: "2026-04-01",
    } as const;
    const accepted = await client.activations.activate(request);
    expect(accepted).toMatchObject({ state: "processing", simType: "esim", completedAt: null });
    expect(await client.activations.activate(request)).toEqual(accepted);
    expect((await client.lines.get(accepted.account))?.state).toBe("pending");
    expect(sandbox.calls().freebit["/mvno/esim/addAcnt/"]).toBe(1);

    expect(
      (await control(`activations/${encodeURIComponent(request.requestKey)}/complete`)).status,
    ).toBe(200);
    expect(await client.activations.get(request.requestKey)).toMatchObject({ state: "completed" });
    expect((await client.lines.get(accepted.account))?.state).toBe("active");
    expect(await client.activations.get("unknown")).toBeNull();
  });

  it("signs in again when the authKey expired", async () => {
    await client.lines.get("07012340002");
    expect((await control("expire-auth-keys")).status).toBe(204);
    expect(await client.lines.get("07012340002")).not.toBeNull();
    expect(sandbox.calls().freebit["/authOem/"]).toBe(2);
  });

  it("reports wrong OEM credentials as an auth error and a refusal with Freebit's codes", async () => {
    await expect(clientFor("wrong").lines.get("07012340002")).rejects.toMatchObject({
      kind: "auth",
      vendorCode: "200/210",
    });
    const refusal = await client.activations
      .activate({
        requestKey: "k",
        planCode: "P",
        simType: "physical",
        eid: null,
        mnp: null,
        account: "07012340002",
        shipDate: "2026-04-01",
      })
      .catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(FreebitError);
    expect(refusal).toMatchObject({ kind: "rejected", system: "freebit", operation: "addAccount" });
  });

  it("reports a 5xx as unavailable and a freebit-error fault as a refusal", async () => {
    const fault = (spec: Record<string, unknown>) =>
      fetch(`${sandbox.url}/__control/faults`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ system: "freebit", match: "/mvno/getDetail/", times: 1, ...spec }),
      });
    expect((await fault({ kind: "http5xx", status: 503 })).status).toBe(201);
    await expect(client.lines.get("07012340002")).rejects.toMatchObject({
      kind: "unavailable",
      httpStatus: 503,
    });
    expect((await fault({ kind: "freebit-error", message: "busy" })).status).toBe(201);
    await expect(client.lines.get("07012340002")).rejects.toMatchObject({
      kind: "rejected",
      vendorCode: "400/400",
    });
    expect(await client.lines.get("07012340002")).not.toBeNull();
  });

  it("shows lines and processing activations with their buttons in the console", async () => {
    const accepted = await client.activations.activate({
      requestKey: "console:1",
      planCode: "DATA_2GB",
      simType: "physical",
      eid: null,
      mnp: null,
      shipDate: "2026-04-01",
    });
    const page = await (await fetch(`${sandbox.url}/`)).text();
    expect(page).toContain("Freebit activations");
    expect(page).toContain(accepted.account);
    expect(page).toContain('data-call="/__control/freebit/activations/console%3A1/fail"');
    expect((await control("activations/console%3A1/fail")).status).toBe(200);
    expect(await client.activations.get("console:1")).toMatchObject({
      state: "failed",
      errorCode: "500",
    });
  });
});
