import { z } from "zod";
import { queryResultSchema } from "./query-result.js";
import { recordAttributesSchema } from "./record-attributes.js";

/**
 * Values of the Order `Status` picklist the portal's org uses: `Draft` (Draft category),
 * `Pending Review` (new portal orders, waiting for staff), `Approved` (staff approved; starts
 * fulfilment), `Activated` (Activated category), `Cancelled`.
 * Source: DESIGN.md §4 (Order); Salesforce Object Reference, Order / OrderStatus.
 */
export const ORDER_STATUSES = [
  "Draft",
  "Pending Review",
  "Approved",
  "Activated",
  "Cancelled",
] as const;
/** An Order `Status` value. */
export type OrderStatusValue = (typeof ORDER_STATUSES)[number];

/** Values of the custom picklist `Activation_Status__c`. Source: DESIGN.md §4, §6. */
export const ACTIVATION_STATUSES = ["Not Started", "Activating", "Activated", "Failed"] as const;
/** An `Activation_Status__c` value. */
export type ActivationStatusValue = (typeof ACTIVATION_STATUSES)[number];

/** Values of the custom picklist `MNP_Gender__c` (what the MVNO's porting request needs). */
export const MNP_GENDERS = ["Male", "Female", "Corporate"] as const;

/** The Order fields whose changes the org tracks (Field History Tracking → `OrderHistory`). */
export const ORDER_TRACKED_FIELDS = ["Status", "Activation_Status__c"] as const;

/** `SELECT AccountId FROM Order`: the Account an Order belongs to (the subscriber's lookup). */
export const rawOrderAccountSchema = z.object({ AccountId: z.string() });

/**
 * The Order fields the portal reads. Salesforce returns `null` for empty fields.
 * Source: DESIGN.md §4 (Order); docs/setup/real-systems.md lists the custom fields.
 */
const rawOrderFieldsSchema = z.object({
  Id: z.string(),
  AccountId: z.string(),
  OrderNumber: z.string(),
  Status: z.string(),
  Type: z.string().nullable(),
  EffectiveDate: z.string(),
  CreatedDate: z.string(),
  LastModifiedDate: z.string(),
  Activation_Status__c: z.string().nullable(),
  Activation_Error_Code__c: z.string().nullable(),
  Activation_Error_Message__c: z.string().nullable(),
  WHMCS_Order_ID__c: z.string().nullable(),
  BillingStreet: z.string().nullable(),
  BillingCity: z.string().nullable(),
  BillingState: z.string().nullable(),
  BillingPostalCode: z.string().nullable(),
  BillingCountry: z.string().nullable(),
  ShippingStreet: z.string().nullable(),
  ShippingCity: z.string().nullable(),
  ShippingState: z.string().nullable(),
  ShippingPostalCode: z.string().nullable(),
  ShippingCountry: z.string().nullable(),
  SIM_Type__c: z.string().nullable(),
  EID__c: z.string().nullable(),
  MNP_Reservation_Number__c: z.string().nullable(),
  MNP_Expiry_Date__c: z.string().nullable(),
  MNP_Last_Name__c: z.string().nullable(),
  MNP_First_Name__c: z.string().nullable(),
  MNP_Last_Name_Kana__c: z.string().nullable(),
  MNP_First_Name_Kana__c: z.string().nullable(),
  MNP_Birthdate__c: z.string().nullable(),
  MNP_Gender__c: z.string().nullable(),
  Installation_Preference__c: z.string().nullable(),
  Portal_Request_Id__c: z.string().nullable(),
});

/** An Order's own fields as read (no children). */
export type RawOrderFields = z.output<typeof rawOrderFieldsSchema>;

/** The Order fields sent in SOQL `SELECT`, in schema order. */
export const orderFields = rawOrderFieldsSchema.keyof().options;

/** The OrderItem fields the portal reads. Source: DESIGN.md §4 (OrderItem). */
const rawOrderItemFieldsSchema = z.object({
  Id: z.string(),
  OrderId: z.string(),
  Product2Id: z.string().nullable(),
  PricebookEntryId: z.string(),
  Quantity: z.number(),
  UnitPrice: z.number(),
  TotalPrice: z.number(),
  WHMCS_Service_ID__c: z.string().nullable(),
});

/**
 * The product's fields read through the OrderItem's `Product2` relationship: its name (Japanese, and English in
 * `Name_En__c`, decision 0064), item class
 * and billing cycle as the product has them now (the order line keeps no copy). `null` when the
 * line has no product. Source: SOQL and SOSL Reference, "Relationship Queries" (child-to-parent
 * fields inside a parent-to-child sub-query).
 */
const rawOrderItemProductSchema = z
  .object({
    attributes: recordAttributesSchema,
    Name: z.string(),
    Name_En__c: z.string().nullable(),
    Item_Class__c: z.string().nullable(),
    Billing_Cycle__c: z.string().nullable(),
  })
  .nullable();

/** The OrderItem's own fields sent in the `(SELECT … FROM OrderItems)` sub-query, in schema order. */
export const orderItemFields = rawOrderItemFieldsSchema.keyof().options;

/**
 * The Product2 fields the OrderItems sub-query reads through the `Product2` relationship
 * (`Product2.Name`, …), in schema order.
 */
export const orderItemProductFields = rawOrderItemProductSchema
  .unwrap()
  .keyof()
  .options.filter((field) => field !== "attributes");

/** An OrderItem record as a query returns it, with its product's fields. */
export const rawOrderItemSchema = rawOrderItemFieldsSchema.extend({
  attributes: recordAttributesSchema,
  Product2: rawOrderItemProductSchema.optional().transform((product) => product ?? null),
});
export type RawOrderItem = z.output<typeof rawOrderItemSchema>;

/**
 * One `OrderHistory` row (Field History Tracking on Order): which field changed from what to what,
 * when. `Field` is `created` for the row written when the order is created.
 * Source: Salesforce Object Reference, "OrderHistory" (fields of every `<Object>History` object).
 */
export const rawOrderHistorySchema = z.object({
  attributes: recordAttributesSchema,
  Id: z.string(),
  OrderId: z.string(),
  Field: z.string(),
  OldValue: z.union([z.string(), z.number(), z.boolean()]).nullable(),
  NewValue: z.union([z.string(), z.number(), z.boolean()]).nullable(),
  CreatedDate: z.string(),
});
export type RawOrderHistory = z.infer<typeof rawOrderHistorySchema>;

/** The OrderHistory fields sent in the `(SELECT … FROM Histories)` sub-query. */
export const orderHistoryFields = ["Id", "OrderId", "Field", "OldValue", "NewValue", "CreatedDate"];

/**
 * A parent-to-child sub-query result (`OrderItems`, `Histories`): a query result, or `null` when
 * the parent has no children (or the sub-query was not selected); parses to the child records. Source: SOQL and SOSL Reference, "Relationship Queries".
 */
function childRecordsSchema<Record extends z.ZodType>(record: Record) {
  return queryResultSchema(record)
    .nullable()
    .optional()
    .transform((result) => result?.records ?? []);
}

/** An Order record with its items (and optionally its history) as one query returns it. */
export const rawOrderSchema = rawOrderFieldsSchema.extend({
  attributes: recordAttributesSchema,
  OrderItems: childRecordsSchema(rawOrderItemSchema),
  Histories: childRecordsSchema(rawOrderHistorySchema),
});
export type RawOrder = z.output<typeof rawOrderSchema>;

/**
 * The product's fields fulfilment reads through an OrderItem's `Product2` relationship: its names,
 * item class, catalog category, the WHMCS product it is billed as (`WH_Product_ID__c`, text
 * holding a positive integer, empty for fees billed on the Salesforce side only) and, for a SIM
 * plan, its plan type and monthly data in GB (`SIM_Data_Size__c`). Source: DESIGN.md §4
 * (Product2), §6; decision 0068.
 */
const rawFulfilmentProductSchema = z
  .object({
    attributes: recordAttributesSchema,
    Name: z.string(),
    Name_En__c: z.string().nullable(),
    Item_Class__c: z.string().nullable(),
    Portal_Category__c: z.string().nullable(),
    WH_Product_ID__c: z.string().nullable(),
    SIM_Plan_Type__c: z.string().nullable(),
    SIM_Data_Size__c: z.number().nullable(),
  })
  .nullable();

/** The Product2 fields of {@link rawFulfilmentProductSchema} sent as `Product2.<Field>`. */
export const fulfilmentProductFields = rawFulfilmentProductSchema
  .unwrap()
  .keyof()
  .options.filter((field) => field !== "attributes");

/** An OrderItem as fulfilment reads it: its own fields and its product's (see above). */
export const rawFulfilmentOrderItemSchema = rawOrderItemFieldsSchema.extend({
  attributes: recordAttributesSchema,
  Product2: rawFulfilmentProductSchema.optional().transform((product) => product ?? null),
});
export type RawFulfilmentOrderItem = z.output<typeof rawFulfilmentOrderItemSchema>;

/** An Order with its items as fulfilment reads it (one query, no history). */
export const rawFulfilmentOrderSchema = rawOrderFieldsSchema.extend({
  attributes: recordAttributesSchema,
  OrderItems: childRecordsSchema(rawFulfilmentOrderItemSchema),
});
export type RawFulfilmentOrder = z.output<typeof rawFulfilmentOrderSchema>;
