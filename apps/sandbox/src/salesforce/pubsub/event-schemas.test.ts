import { describe, expect, it } from "vitest";
import type { ChangeEvent, PlatformEvent } from "../changes/change-event.js";
import { ORDER } from "../model/order.js";
import { ORDER_FULFILMENT_REQUESTED } from "../model/order-fulfilment-requested.js";
import { changeEventPayload, changeEventUuid, platformEventPayload } from "./event-payloads.js";
import { changeEventSchema, platformEventSchema } from "./event-schemas.js";

const UPDATE: ChangeEvent = {
  replayId: 42,
  entityName: "Order",
  changeType: "UPDATE",
  recordIds: ["8015g000000DEMOAAA"],
  changedFields: ["Status", "EffectiveDate", "LastModifiedDate"],
  nulledFields: ["Description"],
  commitTimestamp: Date.UTC(2026, 2, 31, 3),
  commitUser: "0055g000000DEMOAA4",
  transactionKey: "00000000-0000-4000-8000-000000000001",
  sequenceNumber: 1,
  changeOrigin: "com/salesforce/api/rest/62.0",
  fields: {
    Status: "Approved",
    EffectiveDate: "2026-03-31",
    LastModifiedDate: "2026-03-31T03:00:00.000+0000",
  },
};

describe("OrderChangeEvent schema", () => {
  const schema = changeEventSchema(ORDER);

  it("is laid out as Salesforce's: ChangeEventHeader first, then nullable body fields", () => {
    const json = JSON.parse(schema.json) as {
      name: string;
      namespace: string;
      fields: { name: string; type: unknown; default?: unknown }[];
    };
    expect(json).toMatchObject({ name: "OrderChangeEvent", namespace: "com.sforce.eventbus" });
    expect(json.fields[0]).toMatchObject({
      name: "ChangeEventHeader",
      type: { name: "ChangeEventHeader" },
    });
    expect(json.fields.find((field) => field.name === "Status")).toEqual({
      name: "Status",
      type: ["null", "string"],
      default: null,
    });
    expect(schema.fieldNames).not.toContain("Id");
  });

  it("has an id that is the same for the same schema", () => {
    expect(schema.id).toMatch(/^[\w-]{22}$/);
    expect(changeEventSchema(ORDER).id).toBe(schema.id);
  });

  it("encodes an update: header with bitmaps, changed values, null elsewhere", () => {
    const decoded = schema.type.fromBuffer(changeEventPayload(schema, UPDATE)) as Record<
      string,
      unknown
    >;
    const bit = (name: string) => 1n << BigInt(schema.fieldNames.indexOf(name));
    const header = decoded.ChangeEventHeader as Record<string, unknown>;
    expect(header).toMatchObject({
      entityName: "Order",
      changeType: "UPDATE",
      commitNumber: 42,
      sequenceNumber: 1,
      diffFields: [],
      nulledFields: [`0x${bit("Description").toString(16).toUpperCase()}`],
      changedFields: [
        `0x${(bit("Status") | bit("EffectiveDate") | bit("LastModifiedDate")).toString(16).toUpperCase()}`,
      ],
    });
    expect(decoded).toMatchObject({
      Status: "Approved",
      EffectiveDate: Date.UTC(2026, 2, 31) / 86_400_000,
      LastModifiedDate: Date.UTC(2026, 2, 31, 3),
      AccountId: null,
      Description: null,
      BillingAddress: null,
    });
  });

  it("sends the addresses as compound BillingAddress / ShippingAddress records, not their parts", () => {
    const json = JSON.parse(schema.json) as { fields: { name: string; type: unknown }[] };
    const billing = json.fields.find((field) => field.name === "BillingAddress");
    expect(billing?.type).toEqual([
      "null",
      {
        type: "record",
        name: "Address",
        namespace: "com.sforce.eventbus",
        fields: [
          "Street",
          "City",
          "State",
          "PostalCode",
          "Country",
          "Latitude",
          "Longitude",
          "GeocodeAccuracy",
        ].map((name) => ({
          name,
          type: ["null", name === "Latitude" || name === "Longitude" ? "double" : "string"],
          default: null,
        })),
      },
    ]);
    // Avro defines a named type once; the second address refers to it by full name.
    expect(json.fields.find((field) => field.name === "ShippingAddress")?.type).toEqual([
      "null",
      "com.sforce.eventbus.Address",
    ]);
    expect(schema.fieldNames).not.toContain("BillingCity");
    expect(schema.fieldNames.indexOf("ShippingAddress")).toBe(
      schema.fieldNames.indexOf("BillingAddress") + 1,
    );
  });

  it("encodes a change of address parts as a nested record and '<position>-0x…' bitmaps", () => {
    const decoded = schema.type.fromBuffer(
      changeEventPayload(schema, {
        ...UPDATE,
        changedFields: ["BillingCity", "ShippingStreet", "ShippingPostalCode", "LastModifiedDate"],
        nulledFields: ["ShippingPostalCode"],
        fields: {
          BillingCity: "Minato-ku",
          ShippingStreet: "1-2-3 Shiba",
          ShippingPostalCode: null,
          LastModifiedDate: "2026-03-31T03:00:00.000+0000",
        },
      }),
    ) as Record<string, unknown>;
    const billing = schema.fieldNames.indexOf("BillingAddress");
    const shipping = schema.fieldNames.indexOf("ShippingAddress");
    const lastModified = (1n << BigInt(schema.fieldNames.indexOf("LastModifiedDate")))
      .toString(16)
      .toUpperCase();
    expect(decoded.ChangeEventHeader).toMatchObject({
      // City is component 1, Street 0 and PostalCode 3 of the Address record.
      changedFields: [`0x${lastModified}`, `${billing}-0x2`, `${shipping}-0x9`],
      nulledFields: ["0x0", `${shipping}-0x8`],
    });
    expect(decoded.BillingAddress).toMatchObject({ City: "Minato-ku", Street: null });
    expect(decoded.ShippingAddress).toMatchObject({ Street: "1-2-3 Shiba", PostalCode: null });
  });

  it("gives a change event the same EventUuid every time it is sent", () => {
    expect(changeEventUuid(42)).toBe(changeEventUuid(42));
    expect(changeEventUuid(42)).not.toBe(changeEventUuid(43));
    expect(changeEventUuid(42)).toMatch(
      /^[\da-f]{8}-[\da-f]{4}-4[\da-f]{3}-[\da-f]{4}-[\da-f]{12}$/,
    );
  });
});

describe("Order_Fulfilment_Requested__e schema", () => {
  it("has CreatedDate, CreatedById and the custom fields, and round-trips an event", () => {
    const schema = platformEventSchema(ORDER_FULFILMENT_REQUESTED);
    expect(schema.fieldNames).toEqual([
      "CreatedDate",
      "CreatedById",
      "Order_Id__c",
      "Account_Id__c",
    ]);
    const event: PlatformEvent = {
      replayId: 7,
      eventName: "Order_Fulfilment_Requested__e",
      eventUuid: "00000000-0000-4000-8000-000000000002",
      createdDate: Date.UTC(2026, 2, 31, 3),
      createdById: "0055g000000DEMOAA4",
      fields: { Order_Id__c: "8015g000000DEMOAAA" },
    };
    expect(schema.type.fromBuffer(platformEventPayload(schema, event))).toMatchObject({
      CreatedDate: event.createdDate,
      CreatedById: event.createdById,
      Order_Id__c: "8015g000000DEMOAAA",
      Account_Id__c: null,
    });
  });
});
