import { addMonths } from "../../seed/calendar.js";
import type { SalesforceState, SfRecord } from "../state/salesforce-state.js";
import { catalogSeed } from "./catalog-seed.js";
import { demoId } from "./demo-id.js";

/** Customer number of the seeded WHMCS customer without a portal user (migration). */
export const MIGRATION_CUSTOMER_NUMBER = "100004";

/** Customer number of the seeded customer who signs up and orders a SIM (the fulfilment journey). */
export const SIM_CUSTOMER_NUMBER = "100005";

/**
 * The Salesforce part of the demo data of docs/architecture/wiring.md "Demo data": Accounts
 * 100001 (Taro Yamada, Active, WHMCS #1), 100002 (Hanako Suzuki) and 100003 (Kenji Tanaka),
 * both `Not Yet`, and 100004 (Yuki Kobayashi, `Not Yet`, WHMCS #100: an existing WHMCS customer
 * who moves to the portal, {@link migrationAccount}) and 100005 (Mei Ito, `Not Yet`, a customer who
 * signs up and orders a SIM, {@link simCustomerAccount}), each with a Contact whose name has its
 * katakana reading ({@link SEEDED_CONTACT_READINGS}); the product catalog and its price books
 * ({@link catalogSeed}). Ids are `001DEMO0000000n` / `003DEMO0000000n` with
 * their case checksum (18 characters). The change log starts empty at replay id 1.
 */
export function salesforceSeed(seedDate: string): SalesforceState {
  return {
    seedDate,
    records: {
      Account: [
        account(seedDate, {
          Id: demoId("001", 1),
          Name: "Taro Yamada",
          SF_Account_No__c: "100001",
          WH_Account__c: "1",
          Portal_Status__c: "Active",
          Portal_Registration_Source__c: "Portal",
          Internet_Eligibility__c: "Home 1G",
          Internet_Eligibility_Status__c: "Eligible",
          Phone: "090-1234-5678",
          BillingStreet: "1-9-1 Marunouchi\nPortal Tower 12F",
          BillingCity: "Chiyoda-ku",
          BillingState: "Tokyo",
          BillingPostalCode: "100-0005",
          BillingCountry: "Japan",
        }),
        account(seedDate, {
          Id: demoId("001", 2),
          Name: "Hanako Suzuki",
          SF_Account_No__c: "100002",
          WH_Account__c: null,
          Portal_Status__c: "Not Yet",
          Portal_Registration_Source__c: null,
          Internet_Eligibility__c: null,
          Internet_Eligibility_Status__c: "Not Requested",
          Phone: "080-3456-7890",
          BillingStreet: "3-1-1 Minatomirai",
          BillingCity: "Nishi-ku, Yokohama",
          BillingState: "Kanagawa",
          BillingPostalCode: "220-0012",
          BillingCountry: "Japan",
        }),
        account(seedDate, {
          Id: demoId("001", 3),
          Name: "Kenji Tanaka",
          SF_Account_No__c: "100003",
          WH_Account__c: null,
          Portal_Status__c: "Not Yet",
          Portal_Registration_Source__c: null,
          Internet_Eligibility__c: null,
          Internet_Eligibility_Status__c: "Not Requested",
          Phone: "070-4567-8901",
          BillingStreet: "1-1 Sakae",
          BillingCity: "Naka-ku, Nagoya",
          BillingState: "Aichi",
          BillingPostalCode: "460-0008",
          BillingCountry: "Japan",
        }),
        migrationAccount(seedDate).account,
        simCustomerAccount(seedDate).account,
      ],
      Contact: [
        contact(
          seedDate,
          demoId("003", 1),
          demoId("001", 1),
          "Taro",
          "Yamada",
          "demo@example.com",
          "090-1234-5678",
        ),
        contact(
          seedDate,
          demoId("003", 2),
          demoId("001", 2),
          "Hanako",
          "Suzuki",
          "hanako.suzuki@example.com",
          "080-3456-7890",
        ),
        contact(
          seedDate,
          demoId("003", 3),
          demoId("001", 3),
          "Kenji",
          "Tanaka",
          "kenji.tanaka@example.com",
          "070-4567-8901",
        ),
        migrationAccount(seedDate).contact,
        simCustomerAccount(seedDate).contact,
      ],
      ...catalogSeed(seedDate),
    },
    nextIdSequence: 1,
    idAliases: {},
    changeLog: { nextReplayId: 1, events: [], platformEvents: [] },
  };
}

/**
 * Account 100004 and its Contact: a customer billed in WHMCS (client #100, the `WH_Account__c`
 * the sandbox's WHMCS seed gives it) who has no portal user yet (`Portal_Status__c` `Not Yet`).
 * Used by the seed and by the state upgrade that brings it into an existing sandbox.
 */
export function migrationAccount(seedDate: string): { account: SfRecord; contact: SfRecord } {
  return {
    account: account(seedDate, {
      Id: demoId("001", 4),
      Name: "Yuki Kobayashi",
      SF_Account_No__c: MIGRATION_CUSTOMER_NUMBER,
      WH_Account__c: "100",
      Portal_Status__c: "Not Yet",
      Portal_Registration_Source__c: null,
      Internet_Eligibility__c: "Home 1G",
      Internet_Eligibility_Status__c: "Eligible",
      Phone: "092-123-4567",
      BillingStreet: "2-1-1 Tenjin",
      BillingCity: "Chuo-ku, Fukuoka",
      BillingState: "Fukuoka",
      BillingPostalCode: "810-0001",
      BillingCountry: "Japan",
    }),
    contact: contact(
      seedDate,
      demoId("003", 4),
      demoId("001", 4),
      "Yuki",
      "Kobayashi",
      "yuki.kobayashi@example.com",
      "092-123-4567",
    ),
  };
}

/**
 * Account 100005 and its Contact: a customer with no portal user or WHMCS client yet
 * (`Portal_Status__c` `Not Yet`) who signs up, adds a card and orders a SIM — the fulfilment
 * journey's own customer, so the WHMCS order and first invoice it makes touch no one else's data.
 * Used by the seed and by the state upgrade that brings it into an existing sandbox.
 */
export function simCustomerAccount(seedDate: string): { account: SfRecord; contact: SfRecord } {
  return {
    account: account(seedDate, {
      Id: demoId("001", 5),
      Name: "Mei Ito",
      SF_Account_No__c: SIM_CUSTOMER_NUMBER,
      WH_Account__c: null,
      Portal_Status__c: "Not Yet",
      Portal_Registration_Source__c: null,
      Internet_Eligibility__c: null,
      Internet_Eligibility_Status__c: "Not Requested",
      Phone: "080-5678-9012",
      BillingStreet: "2-2-2 Umeda",
      BillingCity: "Kita-ku, Osaka",
      BillingState: "Osaka",
      BillingPostalCode: "530-0001",
      BillingCountry: "Japan",
    }),
    contact: contact(
      seedDate,
      demoId("003", 5),
      demoId("001", 5),
      "Mei",
      "Ito",
      "mei.ito@example.com",
      "080-5678-9012",
    ),
  };
}

/** The katakana readings (`LastNameKana__c`, `FirstNameKana__c`) of the seeded Contacts, by Id. */
export const SEEDED_CONTACT_READINGS: Readonly<Record<string, readonly [string, string]>> = {
  [demoId("003", 1)]: ["ヤマダ", "タロウ"],
  [demoId("003", 2)]: ["スズキ", "ハナコ"],
  [demoId("003", 3)]: ["タナカ", "ケンジ"],
  [demoId("003", 4)]: ["コバヤシ", "ユキ"],
  [demoId("003", 5)]: ["イトウ", "メイ"],
};

function systemStamps(seedDate: string): SfRecord {
  const created = `${addMonths(seedDate, -14)}T01:00:00.000+0000`;
  return {
    IsDeleted: false,
    CreatedDate: created,
    LastModifiedDate: created,
    SystemModstamp: created,
  };
}

function account(seedDate: string, fields: SfRecord): SfRecord {
  return { ...systemStamps(seedDate), ...fields };
}

function contact(
  seedDate: string,
  id: string,
  accountId: string,
  firstName: string,
  lastName: string,
  email: string,
  phone: string,
): SfRecord {
  return {
    ...systemStamps(seedDate),
    Id: id,
    AccountId: accountId,
    FirstName: firstName,
    LastName: lastName,
    LastNameKana__c: SEEDED_CONTACT_READINGS[id]?.[0] ?? null,
    FirstNameKana__c: SEEDED_CONTACT_READINGS[id]?.[1] ?? null,
    Email: email,
    Phone: phone,
  };
}
