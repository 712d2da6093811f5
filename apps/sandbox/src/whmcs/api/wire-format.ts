import { customFieldsDetails } from "../custom-fields/client-custom-fields.js";
import type { WhmcsClient, WhmcsInvoice, WhmcsPayMethod } from "../state/whmcs-state.js";
import { currencyById } from "../currencies.js";
import { fromHundredths, toHundredths } from "../decimal-money.js";

/**
 * Stored records → External API JSON, field for field as the current api-reference example
 * responses show them (WHMCS 8): ids and counts as JSON numbers, flags as booleans where the
 * examples have them, money and rates as decimal strings, "never" datetimes as
 * `0000-00-00 00:00:00`, lists wrapped in a singular key. `legacyEncoding` turns an answer into
 * the pre-8 form (every scalar a string). Source: WHMCS/developer-docs @ 2e75f454
 * api-reference getclients.md, getclientsdetails.md, getinvoices.md, getinvoice.md, getpaymethods.md.
 */

/** WHMCS's "no date" value. */
export const NEVER = "0000-00-00 00:00:00";

const COUNTRY_CALLING_CODES: Record<string, string> = { JP: "81" };
const countryNames = new Intl.DisplayNames(["en"], { type: "region" });

/** A JSON scalar or structure of an answer. */
export type WireValue =
  string | number | boolean | null | WireValue[] | { [key: string]: WireValue };

/** GetClients `clients.client[]` row. */
export function clientRow(client: WhmcsClient): Record<string, WireValue> {
  return {
    id: client.id,
    firstname: client.firstname,
    lastname: client.lastname,
    companyname: client.companyname,
    email: client.email,
    datecreated: client.datecreated,
    groupid: client.groupid,
    status: client.status,
  };
}

/**
 * GetClientsDetails `client` object as WHMCS 8 returns it: owner user fields (8.0), email
 * preferences (7.10), flags as booleans; the credit card and security question fields removed
 * in 7.8 / 8.0 are gone.
 */
export function clientDetails(client: WhmcsClient): Record<string, WireValue> {
  const callingCode = COUNTRY_CALLING_CODES[client.country] ?? "";
  const localNumber = client.phonenumber.replace(/\D/g, "").replace(/^0/, "");
  const formatted =
    callingCode && localNumber ? `+${callingCode}.${localNumber}` : client.phonenumber;
  const custom = customFieldsDetails(client.customfields);
  return {
    client_id: client.id,
    owner_user_id: client.id,
    userid: client.id,
    id: client.id,
    uuid: client.uuid,
    firstname: client.firstname,
    lastname: client.lastname,
    fullname: `${client.firstname} ${client.lastname}`.trim(),
    companyname: client.companyname,
    email: client.email,
    address1: client.address1,
    address2: client.address2,
    city: client.city,
    fullstate: client.state,
    state: client.state,
    postcode: client.postcode,
    countrycode: client.country,
    country: client.country,
    phonenumber: client.phonenumber,
    tax_id: client.tax_id,
    email_preferences: {
      general: "1",
      invoice: "1",
      support: "1",
      product: "1",
      domain: "1",
      affiliate: "1",
    },
    statecode: client.state,
    countryname: countryNames.of(client.country) ?? client.country,
    phonecc: callingCode,
    phonenumberformatted: formatted,
    telephoneNumber: formatted,
    billingcid: 0,
    notes: client.notes,
    currency: client.currency,
    defaultgateway: "",
    groupid: client.groupid,
    status: client.status,
    credit: "0.00",
    taxexempt: false,
    latefeeoveride: false,
    overideduenotices: false,
    separateinvoices: false,
    disableautocc: false,
    emailoptout: false,
    marketing_emails_opt_in: client.marketingoptin,
    overrideautoclose: false,
    allowSingleSignOn: 1,
    email_verified: false,
    language: client.language,
    isOptedInToMarketingEmails: client.marketingoptin,
    lastlogin: "No Login Logged",
    currency_code: currencyById(client.currency).code,
    customfields: custom.customfields,
    ...custom.flat,
    users: {
      user: [
        {
          id: client.id,
          name: `${client.firstname} ${client.lastname}`.trim(),
          email: client.email,
          is_owner: true,
        },
      ],
    },
  };
}

/** A WHMCS 3-decimal tax rate (`"10.000"`), as the current references show rates. */
function taxRate(rate: string): string {
  return Number(rate).toFixed(3);
}

/** GetInvoices `invoices.invoice[]` row, with the owner's names and currency (WHMCS 8 fields included). */
export function invoiceRow(
  invoice: WhmcsInvoice,
  owner: WhmcsClient | undefined,
): Record<string, WireValue> {
  const currency = currencyById(owner?.currency ?? 1);
  return {
    id: invoice.id,
    userid: invoice.userid,
    firstname: owner?.firstname ?? "",
    lastname: owner?.lastname ?? "",
    companyname: owner?.companyname ?? "",
    invoicenum: invoice.invoicenum,
    date: invoice.date,
    duedate: invoice.duedate,
    datepaid: invoice.datepaid ?? NEVER,
    last_capture_attempt: NEVER,
    date_refunded: NEVER,
    date_cancelled: invoice.datecancelled ?? NEVER,
    subtotal: invoice.subtotal,
    credit: invoice.credit,
    tax: invoice.tax,
    tax2: invoice.tax2,
    total: invoice.total,
    taxrate: taxRate(invoice.taxrate),
    taxrate2: taxRate(invoice.taxrate2),
    status: invoice.status,
    paymentmethod: invoice.paymentmethod,
    paymethodid: invoice.paymethodid,
    notes: invoice.notes,
    created_at: invoice.createdAt,
    updated_at: invoice.updatedAt,
    currencycode: currency.code,
    currencyprefix: currency.prefix,
    currencysuffix: currency.suffix,
  };
}

/** What is left to pay: total less payments received, as WHMCS decimal text. */
export function invoiceBalance(invoice: WhmcsInvoice): string {
  const paid = invoice.transactions.reduce(
    (sum, transaction) => sum + toHundredths(transaction.amountin),
    0,
  );
  return fromHundredths(Math.max(0, toHundredths(invoice.total) - paid));
}

/** GetInvoice answer without `result`. `transactions` is `""` when there are none, as in the reference. */
export function invoiceDetail(invoice: WhmcsInvoice): Record<string, WireValue> {
  return {
    invoiceid: invoice.id,
    invoicenum: invoice.invoicenum,
    userid: invoice.userid,
    date: invoice.date,
    duedate: invoice.duedate,
    datepaid: invoice.datepaid ?? NEVER,
    lastcaptureattempt: NEVER,
    subtotal: invoice.subtotal,
    credit: invoice.credit,
    tax: invoice.tax,
    tax2: invoice.tax2,
    total: invoice.total,
    balance: invoiceBalance(invoice),
    taxrate: taxRate(invoice.taxrate),
    taxrate2: taxRate(invoice.taxrate2),
    status: invoice.status,
    paymentmethod: invoice.paymentmethod,
    notes: invoice.notes,
    ccgateway: false,
    items: {
      item: invoice.items.map((item) => ({
        id: item.id,
        type: item.type,
        relid: item.relid,
        description: item.description,
        amount: item.amount,
        taxed: item.taxed ? 1 : 0,
      })),
    },
    transactions:
      invoice.transactions.length === 0
        ? ""
        : {
            transaction: invoice.transactions.map((transaction) => ({
              id: transaction.id,
              userid: invoice.userid,
              currency: 0,
              gateway: transaction.gateway,
              date: transaction.date,
              description: transaction.description,
              amountin: transaction.amountin,
              fees: transaction.fees,
              amountout: "0.00",
              rate: "1.00000",
              transid: transaction.transid,
              invoiceid: invoice.id,
              refundid: 0,
            })),
          },
  };
}

/** GetPayMethods `paymethods[]` entry (ids as JSON numbers, as that reference shows). */
export function payMethod(method: WhmcsPayMethod): Record<string, WireValue> {
  const common = {
    id: method.id,
    type: method.type,
    description: method.description,
    gateway_name: method.gateway_name,
    contact_type: "Client",
    contact_id: method.clientId,
  };
  const isCard = method.type === "CreditCard" || method.type === "RemoteCreditCard";
  return isCard
    ? {
        ...common,
        card_last_four: method.card_last_four,
        expiry_date: method.expiry_date,
        start_date: "",
        issue_number: "",
        card_type: method.card_type,
        remote_token: method.remote_token,
        last_updated: method.last_updated,
      }
    : {
        ...common,
        bank_name: method.bank_name,
        remote_token: method.remote_token,
        last_updated: method.last_updated,
      };
}

/**
 * An answer in the legacy (pre-8) encoding the older reference examples show: numbers as their
 * digits, `true` as `"1"`, `false` and null as `""`. Structure is unchanged.
 */
export function legacyEncoding(value: WireValue): WireValue {
  if (typeof value === "number") return String(value);
  if (typeof value === "boolean") return value ? "1" : "";
  if (value === null) return "";
  if (Array.isArray(value)) return value.map(legacyEncoding);
  if (typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value).map(([key, entry]) => [key, legacyEncoding(entry)]),
    );
  }
  return value;
}
