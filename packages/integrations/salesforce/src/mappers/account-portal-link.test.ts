import { describe, expect, it } from "vitest";
import { toRawAccountPortalLink } from "./account-portal-link.js";

describe("toRawAccountPortalLink", () => {
  it("writes the Active status, the WHMCS client id as text and the source", () => {
    expect(
      toRawAccountPortalLink({ billingClientId: 17, registrationSource: "Portal Signup" }),
    ).toEqual({
      Portal_Status__c: "Active",
      WH_Account__c: "17",
      Portal_Registration_Source__c: "Portal Signup",
    });
  });
});
