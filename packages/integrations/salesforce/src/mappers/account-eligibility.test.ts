import { describe, expect, it } from "vitest";
import { rawAccountEligibilitySchema } from "../raw/account.js";
import { toAccountEligibility } from "./account-eligibility.js";

// A record of GET /services/data/v62.0/query?q=SELECT Id, Internet_Eligibility__c, Internet_Eligibility_Status__c FROM Account …
const retrieved = JSON.parse(`{
  "attributes": { "type": "Account", "url": "/services/data/v62.0/sobjects/Account/001DEMO00000001YDA" },
  "Id": "001DEMO00000001YDA",
  "Internet_Eligibility__c": "Home 10G",
  "Internet_Eligibility_Status__c": "Eligible"
}`) as Record<string, unknown>;

const read = (overrides: Record<string, unknown>) =>
  toAccountEligibility(rawAccountEligibilitySchema.parse({ ...retrieved, ...overrides }));

describe("toAccountEligibility", () => {
  it("maps Eligible with its offering type", () => {
    expect(read({})).toEqual({ status: "eligible", offeringType: "home_10g" });
    expect(read({ Internet_Eligibility__c: "Home 1G" }).offeringType).toBe("home_1g");
    expect(read({ Internet_Eligibility__c: "Mansion 1G" }).offeringType).toBe("mansion_1g");
  });

  it("maps the other statuses without an offering type, a stale one dropped", () => {
    expect(read({ Internet_Eligibility_Status__c: "Not Requested" })).toEqual({
      status: "not_requested",
      offeringType: null,
    });
    expect(read({ Internet_Eligibility_Status__c: "Pending" })).toEqual({
      status: "pending",
      offeringType: null,
    });
    expect(read({ Internet_Eligibility_Status__c: "Ineligible" })).toEqual({
      status: "ineligible",
      offeringType: null,
    });
  });

  it("reads an empty status as not requested, and Eligible without an offering type as pending", () => {
    expect(read({ Internet_Eligibility_Status__c: null, Internet_Eligibility__c: null })).toEqual({
      status: "not_requested",
      offeringType: null,
    });
    expect(read({ Internet_Eligibility__c: null })).toEqual({
      status: "pending",
      offeringType: null,
    });
  });

  it("refuses values outside the restricted picklists", () => {
    expect(
      rawAccountEligibilitySchema.safeParse({ ...retrieved, Internet_Eligibility__c: "Home 5G" })
        .success,
    ).toBe(false);
    expect(
      rawAccountEligibilitySchema.safeParse({
        ...retrieved,
        Internet_Eligibility_Status__c: "Maybe",
      }).success,
    ).toBe(false);
  });
});
