import { generateKeyPairSync } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { type UpstreamCallRecord } from "@portal/integration-core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { MINIMAL_ENV } from "../../../test/support/minimal-env.js";
import { parseConfig } from "../config/parse-config.js";
import { createSalesforceClient, createWhmcsClient } from "./upstream-clients.js";

/** Nothing listens on port 1 of the loopback: every call is refused at once. */
const REFUSED = "http://127.0.0.1:1";

let dir: string;
let keyPath: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "bff-upstream-"));
  keyPath = path.join(dir, "sf.key");
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  await writeFile(keyPath, privateKey.export({ type: "pkcs8", format: "pem" }));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function recorder() {
  const records: UpstreamCallRecord[] = [];
  return { records, callFinished: (record: UpstreamCallRecord) => records.push(record) };
}

describe("upstream clients", () => {
  const config = () =>
    parseConfig({
      ...MINIMAL_ENV,
      WHMCS_BASE_URL: `${REFUSED}/whmcs`,
      SF_LOGIN_URL: `${REFUSED}/salesforce`,
      SF_PRIVATE_KEY_PATH: keyPath,
      WHMCS_READ_RETRIES: "0",
      SF_READ_RETRIES: "0",
    });

  it("report every WHMCS call to the upstream observer", async () => {
    const observer = recorder();
    const whmcs = createWhmcsClient(config(), observer);
    await expect(whmcs.system.ping()).rejects.toMatchObject({ kind: "unavailable" });
    expect(observer.records).toEqual([
      {
        system: "whmcs",
        operation: "WhmcsDetails",
        outcome: "unavailable",
        durationMs: expect.any(Number),
      },
    ]);
  });

  it("report every Salesforce call, sign-in included, to the upstream observer", async () => {
    const observer = recorder();
    const salesforce = await createSalesforceClient(config(), observer);
    await expect(salesforce.system.ping()).rejects.toMatchObject({ kind: "unavailable" });
    expect(observer.records).toMatchObject([
      { system: "salesforce", operation: "signIn", outcome: "unavailable" },
    ]);
  });

  it("refuse a Salesforce key that cannot be read, naming SF_PRIVATE_KEY_PATH", async () => {
    const unreadable = { ...config() };
    unreadable.salesforce = { ...unreadable.salesforce, privateKeyPath: path.join(dir, "none") };
    await expect(createSalesforceClient(unreadable, recorder())).rejects.toThrow(
      /SF_PRIVATE_KEY_PATH/,
    );
  });
});
