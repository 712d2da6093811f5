import { describe, expect, it } from "vitest";
import type { ChangeEvent, PlatformEvent } from "../changes/change-event.js";
import { ORDER } from "../model/order.js";
import { ORDER_FULFILMENT_REQUESTED } from "../model/order-fulfilment-requested.js";
import { changeEventPayload, changeEventUuid, platformEventPayload } from "./event-payloads.js";
import { changeEventBodyFields, changeEventSchema, platformEventSchema } from "./event-schemas.js";

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
    const decoded = schema.type.fromBuffer(
      changeEventPayload(schema, changeEventBodyFields(ORDER), UPDATE),
    ) as Record<string, unknown>;
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
    });
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
