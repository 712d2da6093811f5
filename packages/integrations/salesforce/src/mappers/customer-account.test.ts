import { customerAccountSchema } from "@portal/domain";
import { describe, expect, it } from "vitest";
import { rawAccountSchema } from "../raw/account.js";
import { queryResultSchema } from "../raw/query-result.js";
import { toCustomerAccount } from "./customer-account.js";

// A query response exactly as GET /services/data/v62.0/query?q=... returns it.
const queryResponse = JSON.parse(`{
  "totalSize": 2,
  "done": true,
  "records": [
    {
      "attributes": { "type": "Account", "url": "/services/data/v62.0/sobjects/Account/001DEMO00000001AAA" },
      "Id": "001DEMO00000001AAA",
      "Name": "Taro Yamada",
      "SF_Account_No__c": "100001",
      "Portal_Status__c": "Active",
      "WH_Account__c": "1",
      "Portal_Registration_Source__c": "Portal Signup"
    },
    {
      "attributes": { "type": "Account", "url": "/services/data/v62.0/sobjects/Account/001DEMO00000002AAA" },
      "Id": "001DEMO00000002AAA",
      "Name": "Hanako Suzuki",
      "SF_Account_No__c": "100002",
      "Portal_Status__c": "Not Yet",
      "WH_Account__c": null,
      "Portal_Registration_Source__c": null
    }
  ]
}`) as unknown;

const records = queryResultSchema(rawAccountSchema).parse(queryResponse).records;
const record = (overrides: Record<string, unknown>) =>
  rawAccountSchema.parse({ ...records[0], ...overrides });

describe("toCustomerAccount", () => {
  it("maps Salesforce Accounts to valid domain accounts", () => {
    const accounts = records.map(toCustomerAccount);
    expect(accounts).toEqual([
      {
        id: "001DEMO00000001AAA",
        customerNumber: "100001",
        name: "Taro Yamada",
        portalStatus: "active",
        billingClientId: 1,
        registrationSource: "Portal Signup",
      },
      {
        id: "001DEMO00000002AAA",
        customerNumber: "100002",
        name: "Hanako Suzuki",
        portalStatus: "not_yet",
        billingClientId: null,
        registrationSource: null,
      },
    ]);
    for (const account of accounts)
      expect(customerAccountSchema.safeParse(account).success).toBe(true);
  });

  it.each([
    ["Active", "active"],
    ["Not Yet", "not_yet"],
    ["active", "not_yet"],
    [null, "not_yet"],
  ])("reads Portal_Status__c %j as %s", (status, expected) => {
    expect(toCustomerAccount(record({ Portal_Status__c: status })).portalStatus).toBe(expected);
  });

  it.each([
    ["1", 1],
    [" 42 ", 42],
    [null, null],
    ["", null],
    ["0", null],
    ["-3", null],
    ["1.5", null],
    ["WH-1", null],
    ["99999999999999999999", null],
  ])("reads WH_Account__c %j as %j", (value, expected) => {
    expect(toCustomerAccount(record({ WH_Account__c: value })).billingClientId).toBe(expected);
  });

  it("refuses a record without attributes or customer number at the raw schema", () => {
    expect(rawAccountSchema.safeParse({ ...records[0], attributes: undefined }).success).toBe(
      false,
    );
    expect(rawAccountSchema.safeParse({ ...records[0], SF_Account_No__c: null }).success).toBe(
      false,
    );
  });
});
