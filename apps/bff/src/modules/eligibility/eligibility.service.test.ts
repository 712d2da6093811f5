import { type Address, type Eligibility } from "@portal/domain";
import { SalesforceError } from "@portal/salesforce";
import { describe, expect, it } from "vitest";
import { type AppError } from "../http/app-error.js";
import { EligibilityService } from "./eligibility.service.js";

const ADDRESS: Address = {
  postcode: "530-0001",
  prefecture: "Osaka",
  city: "大阪市北区",
  street: "梅田1-2-3",
  building: "",
  country: "JP",
};
const ACCOUNT = "001DEMO00000002YDA";

interface Options {
  status?: Eligibility["status"];
  onFile?: Address | null;
  previous?: Address;
  /** How the Account PATCH fails: refused by Salesforce, or with an unknown outcome. */
  patchFails?: "rejected" | "unavailable";
  deleteFails?: boolean;
  recordFails?: boolean;
}

/** The service over fakes of identity, WHMCS profile, Salesforce, the table and the cache. */
function setUp(options: Options = {}) {
  const calls: string[] = [];
  const unavailable = (operation: string) => new SalesforceError("unavailable", operation);
  const service = new EligibilityService(
    {
      byUserId: async () => ({
        mapping: {
          sfAccountId: ACCOUNT,
          sfContactId: null,
          customerNumber: "100002",
          whmcsClientId: 7,
        },
      }),
    } as never,
    {
      of: async () => ({ address: options.onFile === undefined ? ADDRESS : options.onFile }),
    } as never,
    {
      accounts: {
        eligibility: async () => ({
          status: options.status ?? "not_requested",
          offeringType: null,
        }),
        markEligibilityPending: async () => {
          calls.push("patch");
          if (options.patchFails) {
            throw new SalesforceError(options.patchFails, "markAccountEligibilityPending");
          }
        },
      },
      cases: {
        createEligibilityCase: async () => {
          calls.push("case");
          return { caseId: "5005g0000000001AAA" };
        },
        delete: async (caseId: string) => {
          calls.push(`delete ${caseId}`);
          if (options.deleteFails) throw unavailable("deleteCase");
        },
      },
    } as never,
    {
      latest: async () =>
        options.previous
          ? {
              sfAccountId: ACCOUNT,
              address: options.previous,
              caseId: "x",
              requestedAt: new Date(),
            }
          : undefined,
      record: async () => {
        calls.push("record");
        if (options.recordFails) throw new Error("database down");
      },
    } as never,
    {
      invalidateTag: async () => {
        calls.push("invalidate");
      },
    } as never,
  );
  return { service, calls };
}

describe("EligibilityService.request", () => {
  it("opens the Case, then sets the Account Pending, records the request and drops the cache", async () => {
    const { service, calls } = setUp();

    const answer = await service.request("u", {});

    expect(calls).toEqual(["case", "patch", "record", "invalidate"]);
    expect(answer).toMatchObject({ status: "pending", requestedAddress: ADDRESS });
  });

  it("takes the Case back when Salesforce refuses to set the Account Pending, and answers the failure", async () => {
    const { service, calls } = setUp({ patchFails: "rejected" });

    await expect(service.request("u", {})).rejects.toMatchObject({ kind: "rejected" });
    expect(calls).toEqual(["case", "patch", "delete 5005g0000000001AAA"]);
  });

  it("answers the Account's failure even when the Case cannot be taken back either", async () => {
    const { service, calls } = setUp({ patchFails: "rejected", deleteFails: true });

    await expect(service.request("u", {})).rejects.toMatchObject({
      kind: "rejected",
      operation: "markAccountEligibilityPending",
    });
    expect(calls).toEqual(["case", "patch", "delete 5005g0000000001AAA"]);
  });

  it("keeps the Case and records the request when the Account update may have been applied", async () => {
    const { service, calls } = setUp({ patchFails: "unavailable" });

    await expect(service.request("u", {})).rejects.toMatchObject({ kind: "unavailable" });
    expect(calls).toEqual(["case", "patch", "record", "invalidate"]);
  });

  it("still answers pending when only the portal's record of the request fails", async () => {
    const { service, calls } = setUp({ recordFails: true });

    expect(await service.request("u", {})).toMatchObject({ status: "pending" });
    expect(calls).toEqual(["case", "patch", "record", "invalidate"]);
  });

  it("asks for an address, naming the field, when none is given or on file", async () => {
    const { service, calls } = setUp({ onFile: null });

    const error = (await service.request("u", {}).catch((e: unknown) => e)) as AppError;
    expect(error.code).toBe("VALIDATION_FAILED");
    expect(Object.keys(error.fields ?? {})).toEqual(["address"]);
    expect(calls).toEqual([]);
  });

  it("refuses the address already pending or eligible, but takes another one", async () => {
    const moved = { ...ADDRESS, street: "梅田9-9-9" };
    const pending = setUp({ status: "pending", previous: ADDRESS });
    await expect(pending.service.request("u", { address: ADDRESS })).rejects.toMatchObject({
      code: "ELIGIBILITY_ALREADY_REQUESTED",
    });
    expect(pending.calls).toEqual([]);

    // Eligible without a request of the portal's: judged on the address on file.
    const eligible = setUp({ status: "eligible" });
    await expect(eligible.service.request("u", {})).rejects.toMatchObject({
      code: "ELIGIBILITY_ALREADY_REQUESTED",
    });
    expect(await eligible.service.request("u", { address: moved })).toMatchObject({
      status: "pending",
      requestedAddress: moved,
    });

    const ineligible = setUp({ status: "ineligible", previous: ADDRESS });
    expect(await ineligible.service.request("u", { address: ADDRESS })).toMatchObject({
      status: "pending",
    });
  });
});
