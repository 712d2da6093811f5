import { raw } from "@portal/salesforce";
import { addressCompound } from "./compound-field.js";
import { requestFulfilmentOnApproval } from "./order-fulfilment-requested.js";
import { SYSTEM_FIELDS } from "./system-fields.js";
import type { SfFieldDescriptor, SObjectDescriptor } from "./sobject-type.js";

const text = (name: string): SfFieldDescriptor => ({
  name,
  type: "string",
  createable: true,
  updateable: true,
});
const longText = (name: string): SfFieldDescriptor => ({ ...text(name), type: "textarea" });
const date = (name: string): SfFieldDescriptor => ({ ...text(name), type: "date" });
const picklist = (name: string, values: readonly string[]): SfFieldDescriptor => ({
  ...text(name),
  type: "picklist",
  picklistValues: values,
});

/** The address fields `<prefix>Street` … `<prefix>Country` (components of `<prefix>Address`). */
function address(prefix: "Billing" | "Shipping"): SfFieldDescriptor[] {
  return [
    longText(`${prefix}Street`),
    text(`${prefix}City`),
    text(`${prefix}State`),
    text(`${prefix}PostalCode`),
    text(`${prefix}Country`),
  ];
}

/**
 * Order: a customer's order with the portal's custom fields — activation progress
 * (`Activation_Status__c`, `Activation_Error_Code__c`, `Activation_Error_Message__c`), the WHMCS
 * order id, the address snapshot (`Billing…` / `Shipping…`), SIM type and EID, the MNP (number porting)
 * fields, the installation preference and the portal's request id (`Portal_Request_Id__c`, a
 * unique External ID: checkout's guard against a second Order for one request, decision 0058).
 * The addresses are the compounds `BillingAddress` / `ShippingAddress` in change events.
 * `OrderNumber` is the platform's auto-number (8 digits);
 * Status and Activation_Status__c are history-tracked (`OrderHistory`); setting Status `Approved`
 * publishes `Order_Fulfilment_Requested__e` (the org's Flow). Picklists are the
 * integration package's raw enums.
 * Source: DESIGN.md §4 (Order); Salesforce Object Reference "Order"; docs/setup/real-systems.md.
 */
export const ORDER: SObjectDescriptor = {
  name: "Order",
  label: "Order",
  labelPlural: "Orders",
  keyPrefix: "801",
  historyTracking: {
    historyType: "OrderHistory",
    parentField: "OrderId",
    fields: raw.ORDER_TRACKED_FIELDS,
  },
  afterUpdate: requestFulfilmentOnApproval,
  compoundFields: [addressCompound("Billing"), addressCompound("Shipping")],
  fields: [
    ...SYSTEM_FIELDS,
    {
      name: "AccountId",
      type: "reference",
      createable: true,
      updateable: true,
      required: true,
      referenceTo: "Account",
      relationshipName: "Account",
      childRelationshipName: "Orders",
    },
    {
      name: "Pricebook2Id",
      type: "reference",
      createable: true,
      updateable: true,
      referenceTo: "Pricebook2",
      relationshipName: "Pricebook2",
    },
    {
      name: "OrderNumber",
      type: "string",
      createable: false,
      updateable: false,
      autoNumber: true,
    },
    { ...picklist("Status", raw.ORDER_STATUSES), required: true },
    text("Type"),
    { ...date("EffectiveDate"), required: true },
    longText("Description"),
    picklist("Activation_Status__c", raw.ACTIVATION_STATUSES),
    text("Activation_Error_Code__c"),
    longText("Activation_Error_Message__c"),
    text("WHMCS_Order_ID__c"),
    ...address("Billing"),
    ...address("Shipping"),
    picklist("SIM_Type__c", raw.SIM_TYPES),
    text("EID__c"),
    text("MNP_Reservation_Number__c"),
    date("MNP_Expiry_Date__c"),
    text("MNP_Last_Name__c"),
    text("MNP_First_Name__c"),
    text("MNP_Last_Name_Kana__c"),
    text("MNP_First_Name_Kana__c"),
    date("MNP_Birthdate__c"),
    picklist("MNP_Gender__c", raw.MNP_GENDERS),
    longText("Installation_Preference__c"),
    { ...text("Portal_Request_Id__c"), uniqueExternalId: true },
  ],
};
