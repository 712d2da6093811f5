import { raw } from "@portal/whmcs";
import { z } from "zod";
import type { StateDefinition } from "../../state/versioned-store.js";
import {
  InvoiceBuilder,
  MIGRATION_CLIENT_EMAIL,
  MIGRATION_CLIENT_ID,
  migrationCustomer,
  SEEDED_READINGS,
  seededServices,
} from "../seed/whmcs-seed.js";

/**
 * The WHMCS stand-in's persisted state (`<dataDir>/whmcs.json`). Records keep WHMCS's field
 * names and storage formats (money as decimal strings such as `"5830.00"`, dates `YYYY-MM-DD`,
 * datetimes `YYYY-MM-DD HH:MM:SS`), because the sandbox *is* the vendor side of the wire; the
 * wire format of each answer is chosen at response time (see `api/response-mode.ts`).
 * Source: WHMCS/developer-docs api-reference (AddClient, GetClientsDetails, GetInvoice(s),
 * GetPayMethods).
 */

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const whmcsDateTime = z.string().regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
const decimal = z.string().regex(/^-?\d+\.\d{2}$/);

/** A WHMCS client (tblclients) and its owner user's login, fields as AddClient names them. */
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
  status: raw.whmcsClientStatusSchema,
  datecreated: isoDate,
  marketingoptin: z.boolean(),
  /** Client custom field values by field id (`"1"` → `"ヤマダ"`), see `custom-fields/`. */
  customfields: z.record(z.string(), z.string()),
  /**
   * The owner user's password as `scrypt$<salt hex>$<hash hex>` (`password2` of AddClient), or
   * null when it is unknown (clients upgraded from version 1): ValidateLogin then never matches.
   */
  passwordHash: z.string().nullable(),
});
export type WhmcsClient = z.infer<typeof whmcsClientSchema>;

export type WhmcsInvoiceStatus = raw.WhmcsInvoiceStatus;

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
  /** When it was cancelled, null otherwise (WHMCS 8 `date_cancelled`). */
  datecancelled: whmcsDateTime.nullable(),
  subtotal: decimal,
  credit: decimal,
  tax: decimal,
  tax2: decimal,
  total: decimal,
  taxrate: decimal,
  taxrate2: decimal,
  status: raw.whmcsInvoiceStatusSchema,
  paymentmethod: z.string(),
  /** The pay method it is charged to (WHMCS 8 `paymethodid`), null for none. */
  paymethodid: z.number().int().positive().nullable(),
  notes: z.string(),
  /** Row timestamps (WHMCS 8 `created_at` / `updated_at`). */
  createdAt: whmcsDateTime,
  updatedAt: whmcsDateTime,
  items: z.array(whmcsInvoiceItemSchema),
  transactions: z.array(whmcsTransactionSchema),
});
export type WhmcsInvoice = z.infer<typeof whmcsInvoiceSchema>;

/** A saved pay method (tblpaymethods), shaped as GetPayMethods returns it. */
export const whmcsPayMethodSchema = z.object({
  id: z.number().int().positive(),
  clientId: z.number().int().positive(),
  type: raw.whmcsPayMethodTypeSchema,
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

/**
 * An order (tblorders). `invoiceid` is 0 when AddOrder made no invoice (`noinvoice`).
 * Source: WHMCS/developer-docs api-reference/addorder.md, getorders.md.
 */
export const whmcsOrderSchema = z.object({
  id: z.number().int().positive(),
  /** The 10-digit order number shown to customers. */
  ordernum: z.string().regex(/^\d{10}$/),
  userid: z.number().int().positive(),
  date: whmcsDateTime,
  amount: decimal,
  paymentmethod: z.string(),
  invoiceid: z.number().int().nonnegative(),
  status: raw.whmcsOrderStatusSchema,
  ipaddress: z.string(),
  notes: z.string(),
});
export type WhmcsOrder = z.infer<typeof whmcsOrderSchema>;

/**
 * A client's service (tblhosting): one product of an order, `Pending` until the order is
 * accepted. `billingcycle` as WHMCS shows it (`Monthly`, `One Time`).
 * Source: WHMCS/developer-docs api-reference/getclientsproducts.md.
 */
export const whmcsServiceSchema = z.object({
  id: z.number().int().positive(),
  userid: z.number().int().positive(),
  orderid: z.number().int().positive(),
  pid: z.number().int().positive(),
  qty: z.number().int().positive(),
  regdate: isoDate,
  domain: z.string(),
  paymentmethod: z.string(),
  firstpaymentamount: decimal,
  recurringamount: decimal,
  billingcycle: z.string(),
  nextduedate: isoDate,
  status: raw.whmcsServiceStatusSchema,
  notes: z.string(),
  /** Product custom field values by field id. */
  customfields: z.record(z.string(), z.string()),
});
export type WhmcsService = z.infer<typeof whmcsServiceSchema>;

/**
 * How numbers and flags go on the wire: `current` as the current api-reference examples show
 * them (ids and counts as JSON numbers, flags as booleans, money as strings), `legacy` as the
 * pre-8 examples (every scalar a string). Source: WHMCS/developer-docs getinvoices.md (both
 * revisions), vendor-facts §4.2.
 */
export const whmcsResponseModeSchema = z.enum(["current", "legacy"]);
export type WhmcsResponseMode = z.infer<typeof whmcsResponseModeSchema>;

/** The whole WHMCS document. `seedDate` is the UTC date the demo data was created. */
export const whmcsStateSchema = z.object({
  seedDate: isoDate,
  clients: z.array(whmcsClientSchema),
  invoices: z.array(whmcsInvoiceSchema),
  payMethods: z.array(whmcsPayMethodSchema),
  orders: z.array(whmcsOrderSchema),
  services: z.array(whmcsServiceSchema),
});
export type WhmcsState = z.infer<typeof whmcsStateSchema>;

/** Version 1: the `whmcs` part of the former single `state.json`, plus its `seedDate`. */
const version1Schema = z.looseObject({
  seedDate: isoDate,
  clients: z.array(z.looseObject({})),
  invoices: z.array(z.looseObject({ date: isoDate, status: z.string() })),
  payMethods: z.array(z.looseObject({})),
});

/**
 * Version 1 → 2: clients gain `passwordHash` (null: their password was never kept), invoices
 * the WHMCS 8 fields (`datecancelled`, `paymethodid`, `createdAt`/`updatedAt` from the invoice
 * date).
 */
function upgradeFrom1(previous: unknown): unknown {
  const v1 = version1Schema.parse(previous);
  return {
    ...v1,
    clients: v1.clients.map((client) => ({ passwordHash: null, ...client })),
    invoices: v1.invoices.map((invoice) => ({
      datecancelled: invoice.status === "Cancelled" ? `${invoice.date} 00:00:00` : null,
      paymethodid: null,
      createdAt: `${invoice.date} 00:00:00`,
      updatedAt: `${invoice.date} 00:00:00`,
      ...invoice,
    })),
  };
}

/** Version 2 (and 3): today's document less the clients' custom field values, orders and services. */
const version2Schema = whmcsStateSchema
  .omit({ orders: true, services: true })
  .extend({ clients: z.array(whmcsClientSchema.omit({ customfields: true })) });

/**
 * Version 2 → 3: the migration customer (client #100 of customer number 100004, with its
 * invoices numbered after the existing ones) joins the demo data, dated from the state's seed
 * date, unless a client already has its id or email.
 * @throws Error when client #100 exists with another email (then `npm run reset` reseeds).
 */
function upgradeFrom2(previous: unknown): unknown {
  const v2 = version2Schema.parse(previous);
  const byId = v2.clients.find((client) => client.id === MIGRATION_CLIENT_ID);
  if (byId && byId.email.toLowerCase() !== MIGRATION_CLIENT_EMAIL) {
    throw new Error(
      `WHMCS client #${MIGRATION_CLIENT_ID} already exists; npm run reset reseeds the sandbox.`,
    );
  }
  if (byId || v2.clients.some((client) => client.email.toLowerCase() === MIGRATION_CLIENT_EMAIL)) {
    return v2;
  }
  const invoices = new InvoiceBuilder(v2.invoices);
  const client = migrationCustomer(v2.seedDate, invoices);
  return {
    ...v2,
    clients: [...v2.clients, client],
    invoices: [...v2.invoices, ...invoices.all],
  };
}

const version3Schema = z.looseObject({
  clients: z.array(z.looseObject({ email: z.string() })),
});

/**
 * Version 3 → 4: clients gain their custom field values (the katakana readings): the seeded
 * customers (matched by id and email) get their readings, every other client none.
 */
function upgradeFrom3(previous: unknown): unknown {
  const v3 = version3Schema.parse(previous);
  return {
    ...v3,
    clients: v3.clients.map((client) => ({
      customfields: SEEDED_READINGS[client.email.toLowerCase()] ?? {},
      ...client,
    })),
  };
}

const version4Schema = z.looseObject({
  seedDate: isoDate,
  clients: z.array(z.looseObject({ id: z.number(), email: z.string() })),
});

/**
 * Version 4 → 5: orders and services (tblorders, tblhosting) appear, with the seeded clients'
 * services that their invoices already bill ({@link seededServices}).
 */
function upgradeFrom4(previous: unknown): unknown {
  const v4 = version4Schema.parse(previous);
  const seeded = seededServices(v4.seedDate, v4.clients);
  return { ...v4, ...seeded };
}

/** The WHMCS stand-in's state file and its upgrade steps. */
export const WHMCS_STATE: StateDefinition<WhmcsState> = {
  fileName: "whmcs.json",
  version: 5,
  schema: whmcsStateSchema,
  upgrades: { 1: upgradeFrom1, 2: upgradeFrom2, 3: upgradeFrom3, 4: upgradeFrom4 },
};
