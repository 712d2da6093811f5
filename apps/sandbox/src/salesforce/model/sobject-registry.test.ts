import { raw } from "@portal/salesforce";
import { describe, expect, it } from "vitest";
import { ACCOUNT } from "./account.js";
import { CONTACT } from "./contact.js";
import { PRICEBOOK_ENTRY } from "./pricebook-entry.js";
import { PRODUCT2 } from "./product2.js";
import { ORDER } from "./order.js";
import { ORDER_HISTORY } from "./order-history.js";
import { ORDER_ITEM } from "./order-item.js";
import { findField, type SObjectDescriptor } from "./sobject-type.js";

/** The names of `type`'s fields that `names` lists but the descriptor lacks. */
const missing = (type: SObjectDescriptor, names: readonly string[]): string[] =>
  names.filter((name) => findField(type, name)?.name !== name);

describe("sObject descriptors against the integration package's raw schemas", () => {
  it("model every Account and Contact field the portal's client reads, spelled alike", () => {
    expect(missing(ACCOUNT, raw.accountFields)).toEqual([]);
    expect(missing(CONTACT, raw.contactFields)).toEqual([]);
  });

  it("model every PricebookEntry and Product2 field the catalog query reads, spelled alike", () => {
    expect(missing(PRICEBOOK_ENTRY, raw.pricebookEntryFields)).toEqual([]);
    expect(missing(PRODUCT2, raw.catalogProductFields)).toEqual([]);
    expect(findField(PRODUCT2, "Item_Class__c")?.picklistValues).toBe(raw.ITEM_CLASSES);
    expect(findField(PRODUCT2, "Internet_Offering_Type__c")?.picklistValues).toBe(
      raw.INTERNET_OFFERING_TYPES,
    );
  });

  it("model every Order, OrderItem and OrderHistory field the orders facade reads", () => {
    expect(missing(ORDER, raw.orderFields)).toEqual([]);
    expect(missing(ORDER_ITEM, raw.orderItemFields)).toEqual([]);
    expect(missing(PRODUCT2, raw.orderItemProductFields)).toEqual([]);
    expect(missing(ORDER_HISTORY, raw.orderHistoryFields)).toEqual([]);
    expect(findField(ORDER, "Status")?.picklistValues).toBe(raw.ORDER_STATUSES);
    expect(findField(ORDER, "Activation_Status__c")?.picklistValues).toBe(raw.ACTIVATION_STATUSES);
  });

  it("take picklist values from the raw enums", () => {
    expect(findField(ACCOUNT, "Portal_Status__c")?.picklistValues).toBe(raw.PORTAL_STATUSES);
    expect(findField(ACCOUNT, "Internet_Eligibility_Status__c")?.picklistValues).toBe(
      raw.INTERNET_ELIGIBILITY_STATUSES,
    );
  });
});
