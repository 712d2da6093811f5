import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { salesforceSession } from "./support/salesforce-session.js";
import {
  createTestSecrets,
  removeTestSecrets,
  startTestSandbox,
  TEST_NOW,
  type TestSecrets,
} from "./support/test-sandbox.js";

let secrets: TestSecrets;
let dataDir: string;

beforeAll(async () => {
  secrets = await createTestSecrets();
  dataDir = await mkdtemp(path.join(tmpdir(), "sandbox-changes-"));
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
  await removeTestSecrets(secrets);
});

interface ChangesAnswer {
  events: {
    replayId: number;
    changeType: string;
    entityName: string;
    recordIds: string[];
    changedFields: string[];
    nulledFields: string[];
    commitTimestamp: number;
    transactionKey: string;
    fields: Record<string, unknown>;
  }[];
  nextReplayId: number;
}

describe("Salesforce change log", () => {
  it("appends create, update and delete with increasing replay ids, persisted across restarts", async () => {
    const first = await startTestSandbox(secrets, { dataDir });
    const session = await salesforceSession(first, secrets);
    const created = await session.request("/services/data/v62.0/sobjects/Account", {
      method: "POST",
      body: { Name: "Change Log KK", SF_Account_No__c: "100099" },
    });
    const id = (created.body as { id: string }).id;
    await session.request(`/services/data/v62.0/sobjects/Account/${id}`, {
      method: "PATCH",
      body: { Name: "Change Log KK", Phone: "03-0000-0000", SF_Account_No__c: null },
    });
    await session.request(`/services/data/v62.0/sobjects/Account/${id}`, { method: "DELETE" });
    await first.close();

    const second = await startTestSandbox(secrets, { dataDir });
    try {
      const answer = (await (
        await fetch(`${second.url}/__control/salesforce/changes`)
      ).json()) as ChangesAnswer;
      expect(answer.events.map((event) => [event.replayId, event.changeType])).toEqual([
        [1, "CREATE"],
        [2, "UPDATE"],
        [3, "DELETE"],
      ]);
      expect(answer.nextReplayId).toBe(4);
      const [create, update, remove] = answer.events;
      expect(create).toMatchObject({
        entityName: "Account",
        recordIds: [id],
        commitTimestamp: TEST_NOW.getTime(),
        fields: { Name: "Change Log KK", SF_Account_No__c: "100099", Phone: null },
      });
      // Name did not change, so it is not reported; the nulled field is.
      expect(update).toMatchObject({
        changedFields: ["Phone", "SF_Account_No__c", "LastModifiedDate"],
        nulledFields: ["SF_Account_No__c"],
      });
      expect(remove).toMatchObject({ recordIds: [id], fields: {} });
      expect(new Set(answer.events.map((event) => event.transactionKey)).size).toBe(3);

      const after = (await (
        await fetch(`${second.url}/__control/salesforce/changes?after=2`)
      ).json()) as ChangesAnswer;
      expect(after.events.map((event) => event.replayId)).toEqual([3]);

      // A reseed keeps the log: replay ids never go back.
      await second.reset();
      const next = await (
        await salesforceSession(second, secrets)
      ).request("/services/data/v62.0/sobjects/Contact", {
        method: "POST",
        body: { LastName: "After Reset" },
      });
      expect(next.status).toBe(201);
      const afterReset = (await (
        await fetch(`${second.url}/__control/salesforce/changes?after=3`)
      ).json()) as ChangesAnswer;
      expect(afterReset.events.map((event) => [event.replayId, event.entityName])).toEqual([
        [4, "Contact"],
      ]);
    } finally {
      await second.close();
    }
  });
});
