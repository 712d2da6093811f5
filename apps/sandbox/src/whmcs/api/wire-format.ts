import type { WhmcsClient, WhmcsInvoice, WhmcsPayMethod } from "../state/whmcs-state.js";
import { currencyById } from "../currencies.js";
import { fromHundredths, toHundredths } from "../decimal-money.js";

/**
 * Stored records → External API JSON, field for field as the api-reference example responses
 * show them (flattened there, nested on the wire): ids, counts and money as strings, flags as
 * `""`/`"1"`, "never" datetimes as `0000-00-00 00:00:00`, lists wrapped in a singular key.
 * Source: WHMCS/developer-docs api-reference getclients.md, getclientsdetails.md,
 * getinvoices.md, getinvoice.md, getpaymethods.md.
 */

/** WHMCS's "no date" value. */
export const NEVER = "0000-00-00 00:00:00";

const COUNTRY_CALLING_CODES: Record<string, string> = { JP: "81" };
const countryNames = new Intl.DisplayNames(["en"], { type: "region" });

function flag(value: boolean): string {
  return value ? "1" : "";
}

/** GetClients `clients.client[]` row. */
export function clientRow(client: WhmcsClient): Record<string, string> {
  return {
    id: String(client.id),
    firstname: client.firstname,
    lastname: client.lastname,
    companyname: client.companyname,
    email: client.email,
    datecreated: client.datecreated,
    groupid: String(client.groupid),
    status: client.status,
  };
}

/** GetClientsDetails `client` object (also repeated at the top level of the answer). */
export function clientDetails(client: WhmcsClient): Record<string, string> {
  const callingCode = COUNTRY_CALLING_CODES[client.country] ?? "";
  const localNumber = client.phonenumber.replace(/\D/g, "").replace(/^0/, "");
  return {
    userid: String(client.id),
    id: String(client.id),
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
    statecode: client.state,
    countryname: countryNames.of(client.country) ?? client.country,
    phonecc: callingCode,
    phonenumberformatted:
      callingCode && localNumber ? `+${callingCode}.${localNumber}` : client.phonenumber,
    billingcid: "0",
    notes: client.notes,
    twofaenabled: "",
    currency: String(client.currency),
    defaultgateway: "",
    cctype: "",
    cclastfour: "",
    securityqid: "0",
    securityqans: "",
    groupid: String(client.groupid),
    status: client.status,
    credit: "0.00",
    taxexempt: "",
    latefeeoveride: "",
    overideduenotices: "",
    separateinvoices: "",
    disableautocc: "",
    emailoptout: "",
    marketing_emails_opt_in: flag(client.marketingoptin),
    overrideautoclose: "",
    allowSingleSignOn: "1",
    language: client.language,
    lastlogin: "No Login Logged",
    currency_code: currencyById(client.currency).code,
  };
}

/** GetInvoices `invoices.invoice[]` row, with the owner's names and currency. */
export function invoiceRow(
  invoice: WhmcsInvoice,
  owner: WhmcsClient | undefined,
): Record<string, string> {
  const currency = currencyById(owner?.currency ?? 1);
  return {
    id: String(invoice.id),
    userid: String(invoice.userid),
    firstname: owner?.firstname ?? "",
    lastname: owner?.lastname ?? "",
    companyname: owner?.companyname ?? "",
    invoicenum: invoice.invoicenum,
    date: invoice.date,
    duedate: invoice.duedate,
    datepaid: invoice.datepaid ?? NEVER,
    last_capture_attempt: NEVER,
    subtotal: invoice.subtotal,
    credit: invoice.credit,
    tax: invoice.tax,
    tax2: invoice.tax2,
    total: invoice.total,
    taxrate: invoice.taxrate,
    taxrate2: invoice.taxrate2,
    status: invoice.status,
    paymentmethod: invoice.paymentmethod,
    notes: invoice.notes,
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
export function invoiceDetail(invoice: WhmcsInvoice): Record<string, unknown> {
  return {
    invoiceid: String(invoice.id),
    invoicenum: invoice.invoicenum,
    userid: String(invoice.userid),
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
    taxrate: invoice.taxrate,
    taxrate2: invoice.taxrate2,
    status: invoice.status,
    paymentmethod: invoice.paymentmethod,
    notes: invoice.notes,
    ccgateway: "",
    items: {
      item: invoice.items.map((item) => ({
        id: String(item.id),
        type: item.type,
        relid: String(item.relid),
        description: item.description,
        amount: item.amount,
        taxed: item.taxed ? "1" : "0",
      })),
    },
    transactions:
      invoice.transactions.length === 0
        ? ""
        : {
            transaction: invoice.transactions.map((transaction) => ({
              id: String(transaction.id),
              userid: String(invoice.userid),
              currency: "0",
              gateway: transaction.gateway,
              date: transaction.date,
              description: transaction.description,
              amountin: transaction.amountin,
              fees: transaction.fees,
              amountout: "0.00",
              rate: "1.00000",
              transid: transaction.transid,
              invoiceid: String(invoice.id),
              refundid: "0",
            })),
          },
  };
}

/** GetPayMethods `paymethods[]` entry (ids as JSON numbers, as that reference shows). */
export function payMethod(method: WhmcsPayMethod): Record<string, string | number> {
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
