import { z } from "zod";

/**
 * The sandbox's persisted state: one JSON document (`<dataDir>/state.json`). Records keep the
 * vendors' field names and wire formats (WHMCS money as decimal strings such as `"5830.00"`,
 * dates `YYYY-MM-DD`, datetimes `YYYY-MM-DD HH:MM:SS`; Salesforce field API names), because the
 * sandbox *is* the vendor side of the wire. Source: docs/architecture/wiring.md "Demo data",
 * WHMCS api-reference (AddClient, GetInvoice, GetPayMethods).
 */

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const whmcsDateTime = z.string().regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
const decimal = z.string().regex(/^-?\d+\.\d{2}$/);

/** A WHMCS client (tblclients), fields as AddClient/GetClientsDetails name them. */
export const whmcsClientSchema = z.object({
  id: z.number().int().positive(),
  uuid: z.string(),
  firstname: z.string(),
  lastname: z.string(),
  companyname: z.string(),
  email: z.string(),
  address1: z.string(),
  address2: z.string(),
  city: z.string(),
  state: z.string(),
  postcode: z.string(),
  country: z.string(),
  phonenumber: z.string(),
  tax_id: z.string(),
  /** Currency id, see `whmcs/currencies.ts`. */
  currency: z.number().int().positive(),
  groupid: z.number().int(),
  language: z.string(),
  notes: z.string(),
  status: z.enum(["Active", "Inactive", "Closed"]),
  datecreated: isoDate,
  marketingoptin: z.boolean(),
});
export type WhmcsClient = z.infer<typeof whmcsClientSchema>;

/** WHMCS invoice statuses (tblinvoices.status). "Overdue" is a filter, never stored. */
export const whmcsInvoiceStatusSchema = z.enum([
  "Draft",
  "Unpaid",
  "Paid",
  "Cancelled",
  "Refunded",
  "Collections",
  "Payment Pending",
]);
export type WhmcsInvoiceStatus = z.infer<typeof whmcsInvoiceStatusSchema>;

/** One invoice line (tblinvoiceitems). */
export const whmcsInvoiceItemSchema = z.object({
  id: z.number().int().positive(),
  type: z.string(),
  relid: z.number().int(),
  description: z.string(),
  amount: decimal,
  taxed: z.boolean(),
});
export type WhmcsInvoiceItem = z.infer<typeof whmcsInvoiceItemSchema>;

/** A payment recorded against an invoice (tblaccounts). */
export const whmcsTransactionSchema = z.object({
  id: z.number().int().positive(),
  transid: z.string(),
  date: whmcsDateTime,
  gateway: z.string(),
  description: z.string(),
  amountin: decimal,
  fees: decimal,
});
export type WhmcsTransaction = z.infer<typeof whmcsTransactionSchema>;

/** A WHMCS invoice; money as decimal strings in the client's currency. */
export const whmcsInvoiceSchema = z.object({
  id: z.number().int().positive(),
  userid: z.number().int().positive(),
  invoicenum: z.string(),
  date: isoDate,
  duedate: isoDate,
  /** null while unpaid (the wire shows `0000-00-00 00:00:00`). */
  datepaid: whmcsDateTime.nullable(),
  subtotal: decimal,
  credit: decimal,
  tax: decimal,
  tax2: decimal,
  total: decimal,
  taxrate: decimal,
  taxrate2: decimal,
  status: whmcsInvoiceStatusSchema,
  paymentmethod: z.string(),
  notes: z.string(),
  items: z.array(whmcsInvoiceItemSchema),
  transactions: z.array(whmcsTransactionSchema),
});
export type WhmcsInvoice = z.infer<typeof whmcsInvoiceSchema>;

/** A saved pay method (tblpaymethods), shaped as GetPayMethods returns it. */
export const whmcsPayMethodSchema = z.object({
  id: z.number().int().positive(),
  clientId: z.number().int().positive(),
  type: z.enum(["CreditCard", "RemoteCreditCard", "BankAccount", "RemoteBankAccount"]),
  description: z.string(),
  gateway_name: z.string(),
  card_last_four: z.string(),
  expiry_date: z.string(),
  card_type: z.string(),
  bank_name: z.string(),
  remote_token: z.string(),
  last_updated: z.string(),
});
export type WhmcsPayMethod = z.infer<typeof whmcsPayMethodSchema>;

/** A Salesforce field value as the REST API carries it in JSON. */
export const sfValueSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export type SfValue = z.infer<typeof sfValueSchema>;

/** One Salesforce record: field API name → value; always has `Id`. */
export const sfRecordSchema = z.record(z.string(), sfValueSchema);
export type SfRecord = z.infer<typeof sfRecordSchema>;

/** The whole persisted document. `seedDate` is the UTC date the state was first created. */
export const sandboxStateSchema = z.object({
  schemaVersion: z.literal(1),
  seedDate: isoDate,
  whmcs: z.object({
    clients: z.array(whmcsClientSchema),
    invoices: z.array(whmcsInvoiceSchema),
    payMethods: z.array(whmcsPayMethodSchema),
  }),
  salesforce: z.object({
    /** sObject type name (e.g. `Account`) → its records. */
    records: z.record(z.string(), z.array(sfRecordSchema)),
    /** Sequence behind generated record ids, so ids stay unique across restarts. */
    nextIdSequence: z.number().int().positive(),
  }),
});
export type SandboxState = z.infer<typeof sandboxStateSchema>;
