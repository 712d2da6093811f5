import { customerContactSchema } from "@portal/domain";
import { describe, expect, it } from "vitest";
import { rawContactSchema } from "../raw/contact.js";
import { queryResultSchema } from "../raw/query-result.js";
import { toCustomerContact, toRawContactDetails } from "./customer-contact.js";

// A query response exactly as GET /services/data/v62.0/query?q=... returns it.
const queryResponse = JSON.parse(`{
  "totalSize": 1,
  "done": true,
  "records": [
    {
      "attributes": { "type": "Contact", "url": "/services/data/v62.0/sobjects/Contact/003DEMO00000001AAA" },
      "Id": "003DEMO00000001AAA",
      "AccountId": "001DEMO00000001AAA",
      "FirstName": "Taro",
      "LastName": "Yamada",
      "LastNameKana__c": "ヤマダ",
      "FirstNameKana__c": "タロウ",
      "Email": "demo@example.com",
      "Phone": "+81 3-1234-5678"
    }
  ]
}`) as unknown;

const [contact] = queryResultSchema(rawContactSchema).parse(queryResponse).records;

describe("toCustomerContact", () => {
  it("maps a Salesforce Contact to a valid domain contact", () => {
    const mapped = toCustomerContact(rawContactSchema.parse(contact));
    expect(mapped).toEqual({
      id: "003DEMO00000001AAA",
      accountId: "001DEMO00000001AAA",
      firstName: "Taro",
      lastName: "Yamada",
      lastNameKana: "ヤマダ",
      firstNameKana: "タロウ",
      email: "demo@example.com",
      phone: "+81 3-1234-5678",
    });
    expect(customerContactSchema.safeParse(mapped).success).toBe(true);
  });

  it("keeps empty optional fields empty", () => {
    const mapped = toCustomerContact(
      rawContactSchema.parse({
        ...contact,
        FirstName: null,
        Email: null,
        Phone: null,
        LastNameKana__c: null,
        FirstNameKana__c: null,
      }),
    );
    expect(mapped).toMatchObject({
      firstName: "",
      lastName: "Yamada",
      lastNameKana: null,
      firstNameKana: null,
      email: null,
      phone: null,
    });
  });
});

describe("toRawContactDetails", () => {
  it("writes names, readings and phone to the Contact's fields", () => {
    expect(
      toRawContactDetails({
        firstName: "Yuki",
        lastName: "Kobayashi",
        lastNameKana: "コバヤシ",
        firstNameKana: "ユキ",
        phone: "092-123-4567",
      }),
    ).toEqual({
      FirstName: "Yuki",
      LastName: "Kobayashi",
      LastNameKana__c: "コバヤシ",
      FirstNameKana__c: "ユキ",
      Phone: "092-123-4567",
    });
  });
});
