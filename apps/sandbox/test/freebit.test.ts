import { FREEBIT_PATHS, raw } from "@portal/freebit";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DEV_FREEBIT_OEM, type Sandbox } from "../src/index.js";
import {
  createTestSecrets,
  removeTestSecrets,
  startTestSandbox,
  TEST_NOW,
  type TestSecrets,
} from "./support/test-sandbox.js";

let secrets: TestSecrets;
let sandbox: Sandbox;
let now = TEST_NOW;

beforeAll(async () => {
  secrets = await createTestSecrets();
  sandbox = await startTestSandbox(secrets, {
    now: () => now,
    standInPorts: { freebit: 0 },
    freebit: { ...DEV_FREEBIT_OEM, activationDelayMs: 60_000 },
  });
});
afterAll(async () => {
  await sandbox.close();
  await removeTestSecrets(secrets);
});
beforeEach(async () => {
  now = TEST_NOW;
  await sandbox.reset();
});

/** POSTs `body` as the form field `json` to a path of the contract, as Freebit's clients do. */
async function post(path: string, body: Record<string, unknown>): Promise<Record<string, unknown>> {
  const response = await fetch(`${sandbox.urls.freebit}/emptool/api${path}`, {
    method: "POST",
    body: new URLSearchParams({ json: JSON.stringify(body) }),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as Record<string, unknown>;
}

async function authKey(): Promise<string> {
  const answer = await post(FREEBIT_PATHS.authOem.path, { ...DEV_FREEBIT_OEM });
  return raw.authOemResponseSchema.parse(answer).authKey;
}

const mnp = {
  reserveNumber: "1234567890",
  reserveExpireDate: "20260410",
  lastnameKanji: "山田",
  firstnameKanji: "太郎",
  lastnameZenKana: "ヤマダ",
  firstnameZenKana: "タロウ",
  gender: "M",
  birthday: "19900101",
};

/** The MVNO contract fields PA02-01 documents, with PA05-41's SIM kind, delivery code and ship date. */
const PHYSICAL_MASTER = {
  masterAccount: "AAA0_00000000001",
  masterPassword: "master-password",
  relationCode: "REL01",
  simKind: "sim",
  deliveryCode: "DLV01",
  shipDate: "20260401",
};
/** The MVNO contract fields, delivery code and ship date PA05-41 documents for an eSIM. */
const ESIM_MASTER = {
  masterAccount: "AAA0_00000000001",
  masterPassword: "master-password",
  simKind: "esim",
  deliveryCode: "DLV01",
  shipDate: "20260401",
};

/**
 * Posts `request` to `path` once without each of `fields` (each refused with `400` naming it),
 * then with a `shipDate` not in YYYYMMDD form (refused with `400`).
 */
async function expectRefusedWithout(
  path: string,
  request: Record<string, unknown>,
  fields: readonly string[],
): Promise<void> {
  for (const field of fields) {
    const { [field]: _dropped, ...without } = request;
    expect(await post(path, without)).toEqual({
      resultCode: "400",
      status: { message: `Invalid ${field}`, statusCode: "400" },
    });
  }
  expect(await post(path, { ...request, shipDate: "2026-04-01" })).toMatchObject({
    resultCode: "400",
  });
}

describe("Freebit stand-in: transport and authentication", () => {
  it("listens on its own port and answers authOem with an authKey, refusing a wrong key", async () => {
    expect(sandbox.urls.freebit).not.toContain("/freebit");
    expect(await authKey()).toMatch(/^[0-9a-f]{48}$/);
    expect(await post("/authOem/", { oemId: "PORTALDEV", oemKey: "nope" })).toEqual({
      resultCode: "200",
      status: { message: "Authentication failed", statusCode: "210" },
    });
  });

  it("refuses a call without a valid authKey with 201 and one without the json field with 400", async () => {
    expect(
      await post("/mvno/getDetail/", {
        authKey: "expired",
        requestDatas: [{ kind: "MVNO", account: "07012340002" }],
      }),
    ).toMatchObject({ resultCode: "201" });
    const response = await fetch(`${sandbox.urls.freebit}/emptool/api/authOem/`, {
      method: "POST",
      body: new URLSearchParams({ other: "x" }),
    });
    expect(await response.json()).toMatchObject({ resultCode: "400" });
  });

  it("reads the json field from a multipart body too", async () => {
    const form = new FormData();
    form.set("json", JSON.stringify(DEV_FREEBIT_OEM));
    const response = await fetch(`${sandbox.urls.freebit}/emptool/api/authOem/`, {
      method: "POST",
      body: form,
    });
    expect(await response.json()).toMatchObject({ resultCode: "100" });
  });
});

describe("Freebit stand-in: lines and activation", () => {
  it("details the seeded line and answers 210 for an unknown one", async () => {
    const key = await authKey();
    const detail = await post("/mvno/getDetail/", {
      authKey: key,
      requestDatas: [{ kind: "MVNO", account: "07012340002" }],
      version: "2",
    });
    expect(raw.getDetailResponseSchema.parse(detail).account).toMatchObject({
      account: "07012340002",
      simKind: "sim",
      state: "active",
    });
    expect(
      await post("/mvno/getDetail/", {
        authKey: key,
        requestDatas: [{ kind: "MVNO", account: "09000000000" }],
      }),
    ).toMatchObject({ resultCode: "210" });
  });

  it("activates an eSIM with MNP: processing and pending, completing after the delay", async () => {
    const key = await authKey();
    const request = {
      authKey: key,
      ...ESIM_MASTER,
      aladinOperated: "20",
      createType: "new",
      requestKey: "801DEMO:1",
      eid: "8904903200000000000000000000123".padEnd(32, "4"),
      addKind: "M",
      planCode: "VOICE_5GB",
      contractLine: "5G",
      mnp,
    };
    const accepted = raw.addAccountResponseSchema.parse(await post("/mvno/esim/addAcnt/", request));
    expect(accepted).toEqual({
      account: "07012350001",
      activation: { requestKey: "801DEMO:1", state: "processing" },
    });
    const detail = () =>
      post("/mvno/getDetail/", {
        authKey: key,
        requestDatas: [{ kind: "MVNO", account: accepted.account }],
      });
    expect(await detail()).toMatchObject({ account: { simKind: "esim", state: "pending" } });

    // The same request again: the same activation, no second line.
    expect(await post("/mvno/esim/addAcnt/", request)).toMatchObject({ account: "07012350001" });
    // The key with another request: refused.
    expect(await post("/mvno/esim/addAcnt/", { ...request, planCode: "OTHER" })).toMatchObject({
      resultCode: "230",
    });

    now = new Date(TEST_NOW.getTime() + 60_000);
    expect(await detail()).toMatchObject({ account: { state: "active" } });
    const status = await post("/mvno/getActivation/", { authKey: key, requestKey: "801DEMO:1" });
    expect(raw.getActivationResponseSchema.parse(status).activation).toMatchObject({
      state: "completed",
      completedAt: "2026-03-31T03:01:00.000Z",
    });
  });

  it("refuses a physical SIM without the documented master account, relation code, delivery code or ship date, naming the field", async () => {
    const key = await authKey();
    const request = {
      authKey: key,
      ...PHYSICAL_MASTER,
      createType: "new",
      requestKey: "801DEMO:missing",
      requestDatas: [{ kind: "MVNO", planCode: "DATA_2GB" }],
    };
    await expectRefusedWithout("/master/addAcnt/", request, [
      "masterAccount",
      "masterPassword",
      "relationCode",
      "deliveryCode",
      "shipDate",
    ]);
  });

  it("refuses an eSIM without the master account, delivery code or ship date PA05-41 documents, naming the field", async () => {
    const key = await authKey();
    const request = {
      authKey: key,
      ...ESIM_MASTER,
      createType: "new",
      requestKey: "801DEMO:esim-missing",
      eid: "1".repeat(32),
      addKind: "N",
      planCode: "DATA_2GB",
    };
    await expectRefusedWithout("/mvno/esim/addAcnt/", request, [
      "masterAccount",
      "masterPassword",
      "deliveryCode",
      "shipDate",
    ]);
  });

  it("refuses the unsupported eSIM patterns with 400-356", async () => {
    const key = await authKey();
    const base = {
      authKey: key,
      ...ESIM_MASTER,
      createType: "new",
      requestKey: "k",
      eid: "1".repeat(32),
      planCode: "P",
    };
    for (const body of [
      { ...base, aladinOperated: "10", addKind: "M", mnp },
      { ...base, addKind: "R" },
      { ...base, addKind: "M" },
    ]) {
      expect(await post("/mvno/esim/addAcnt/", body)).toEqual({
        resultCode: "400",
        status: { message: "Unsupported pattern", statusCode: "400-356" },
      });
    }
  });

  it("activates a physical SIM under a given number, refuses it twice, and fails it by hand", async () => {
    const key = await authKey();
    const request = {
      authKey: key,
      ...PHYSICAL_MASTER,
      createType: "new",
      requestKey: "801DEMO:2",
      requestDatas: [{ kind: "MVNO", account: "08011112222", planCode: "DATA_2GB" }],
    };
    expect(await post("/master/addAcnt/", request)).toMatchObject({
      resultCode: "100",
      account: "08011112222",
    });
    expect(await post("/master/addAcnt/", { ...request, requestKey: "other" })).toMatchObject({
      resultCode: "220",
    });
    const failed = await fetch(`${sandbox.url}/__control/freebit/activations/801DEMO%3A2/fail`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ errorCode: "510" }),
    });
    expect(failed.status).toBe(200);
    const status = await post("/mvno/getActivation/", { authKey: key, requestKey: "801DEMO:2" });
    expect(status).toMatchObject({ activation: { state: "failed", errorCode: "510" } });
    expect(
      await post("/mvno/getDetail/", {
        authKey: key,
        requestDatas: [{ kind: "MVNO", account: "08011112222" }],
      }),
    ).toMatchObject({ resultCode: "210" });
  });
});

describe("Freebit stand-in: zero-latency mode", () => {
  it("completes an activation within the call when the delay is 0", async () => {
    const zero = await fetch(`${sandbox.url}/__control/freebit/activation-delay`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ delayMs: 0 }),
    });
    expect(zero.status).toBe(204);
    try {
      const answer = await post("/master/addAcnt/", {
        authKey: await authKey(),
        ...PHYSICAL_MASTER,
        createType: "new",
        requestKey: "bench:1",
        requestDatas: [{ kind: "MVNO", planCode: "DATA_2GB" }],
      });
      expect(answer).toMatchObject({ activation: { state: "completed" } });
    } finally {
      await fetch(`${sandbox.url}/__control/freebit/activation-delay`, {
        method: "PUT",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ delayMs: 60_000 }),
      });
    }
  });
});
