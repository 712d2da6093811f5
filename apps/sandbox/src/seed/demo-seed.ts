import type {
  SandboxState,
  SfRecord,
  WhmcsClient,
  WhmcsInvoice,
  WhmcsInvoiceStatus,
  WhmcsPayMethod,
} from "../state/sandbox-state.js";
import { addDays, addMonths } from "./calendar.js";

/**
 * The deterministic demo data of docs/architecture/wiring.md "Demo data", computed from
 * `seedDate` (`YYYY-MM-DD`, the UTC date the state is first created) so invoice statuses read
 * right whenever the sandbox starts:
 * - Salesforce Accounts 100001 (Taro Yamada, Active, WHMCS #1), 100002 (Hanako Suzuki) and
 *   100003 (Kenji Tanaka), both `Not Yet`, each with a Contact.
 * - WHMCS client #1 `demo@example.com` (Tokyo, JPY, Visa ••4242 saved) with 14 monthly invoices,
 *   the newest issued on the seed date and each due 14 days after issue: newest Unpaid (not yet
 *   due), the one before Unpaid and about 16 days past due, the sixth newest Cancelled, the rest
 *   Paid. Each is "Fibre 1G Home" ¥4,800 + "Router rental" ¥500, tax 10% → ¥5,830.
 * - WHMCS client #2 `other@example.com` with 3 invoices of its own (no portal user).
 * Invoice ids start at 1001, `invoicenum` is `INV-<yyyymm>-<id>`.
 */
export function demoSeed(seedDate: string): SandboxState {
  const invoices = new InvoiceBuilder();
  for (let monthsAgo = 13; monthsAgo >= 0; monthsAgo -= 1) {
    invoices.add({
      userid: 1,
      date: addMonths(seedDate, -monthsAgo),
      status: monthsAgo <= 1 ? "Unpaid" : monthsAgo === 5 ? "Cancelled" : "Paid",
      lines: [
        { type: "Hosting", relid: 1, description: "Fibre 1G Home", amount: 4800 },
        { type: "Addon", relid: 1, description: "Router rental", amount: 500 },
      ],
    });
  }
  for (let monthsAgo = 2; monthsAgo >= 0; monthsAgo -= 1) {
    invoices.add({
      userid: 2,
      date: addMonths(seedDate, -monthsAgo),
      status: monthsAgo === 0 ? "Unpaid" : "Paid",
      lines: [{ type: "Hosting", relid: 2, description: "SIM Data 5GB", amount: 1800 }],
    });
  }

  return {
    schemaVersion: 1,
    seedDate,
    whmcs: {
      clients: [
        client({
          id: 1,
          firstname: "Taro",
          lastname: "Yamada",
          email: "demo@example.com",
          address1: "1-9-1 Marunouchi",
          address2: "Portal Tower 12F",
          city: "Chiyoda-ku",
          state: "Tokyo",
          postcode: "100-0005",
          phonenumber: "090-1234-5678",
          datecreated: addMonths(seedDate, -14),
        }),
        client({
          id: 2,
          firstname: "Jiro",
          lastname: "Sato",
          email: "other@example.com",
          address1: "2-4-1 Umeda",
          address2: "",
          city: "Kita-ku, Osaka",
          state: "Osaka",
          postcode: "530-0001",
          phonenumber: "080-2345-6789",
          datecreated: addMonths(seedDate, -3),
        }),
      ],
      invoices: invoices.all,
      payMethods: [demoCard(seedDate)],
    },
    salesforce: {
      records: {
        Account: [
          account(seedDate, {
            Id: "001DEMO00000001AAA",
            Name: "Taro Yamada",
            SF_Account_No__c: "100001",
            WH_Account__c: "1",
            Portal_Status__c: "Active",
            Portal_Registration_Source__c: "Portal",
            Internet_Eligibility__c: "Home 1G",
            Internet_Eligibility_Status__c: "Eligible",
            Phone: "090-1234-5678",
            BillingStreet: "1-9-1 Marunouchi\nPortal Tower 12F",
            BillingCity: "Chiyoda-ku",
            BillingState: "Tokyo",
            BillingPostalCode: "100-0005",
            BillingCountry: "Japan",
          }),
          account(seedDate, {
            Id: "001DEMO00000002AAA",
            Name: "Hanako Suzuki",
            SF_Account_No__c: "100002",
            WH_Account__c: null,
            Portal_Status__c: "Not Yet",
            Portal_Registration_Source__c: null,
            Internet_Eligibility__c: null,
            Internet_Eligibility_Status__c: "Not Requested",
            Phone: "080-3456-7890",
            BillingStreet: "3-1-1 Minatomirai",
            BillingCity: "Nishi-ku, Yokohama",
            BillingState: "Kanagawa",
            BillingPostalCode: "220-0012",
            BillingCountry: "Japan",
          }),
          account(seedDate, {
            Id: "001DEMO00000003AAA",
            Name: "Kenji Tanaka",
            SF_Account_No__c: "100003",
            WH_Account__c: null,
            Portal_Status__c: "Not Yet",
            Portal_Registration_Source__c: null,
            Internet_Eligibility__c: null,
            Internet_Eligibility_Status__c: "Not Requested",
            Phone: "070-4567-8901",
            BillingStreet: "1-1 Sakae",
            BillingCity: "Naka-ku, Nagoya",
            BillingState: "Aichi",
            BillingPostalCode: "460-0008",
            BillingCountry: "Japan",
          }),
        ],
        Contact: [
          contact(
            seedDate,
            "003DEMO00000001AAA",
            "001DEMO00000001AAA",
            "Taro",
            "Yamada",
            "demo@example.com",
            "090-1234-5678",
          ),
          contact(
            seedDate,
            "003DEMO00000002AAA",
            "001DEMO00000002AAA",
            "Hanako",
            "Suzuki",
            "hanako.suzuki@example.com",
            "080-3456-7890",
          ),
          contact(
            seedDate,
            "003DEMO00000003AAA",
            "001DEMO00000003AAA",
            "Kenji",
            "Tanaka",
            "kenji.tanaka@example.com",
            "070-4567-8901",
          ),
        ],
      },
      nextIdSequence: 1,
    },
  };
}

interface InvoiceLine {
  type: string;
  relid: number;
  description: string;
  /** Whole yen. */
  amount: number;
}

/** Numbers invoices, items and transactions in creation order and computes the 10% tax. */
class InvoiceBuilder {
  readonly all: WhmcsInvoice[] = [];
  private nextItemId = 1;
  private nextTransactionId = 1;

  add(spec: {
    userid: number;
    date: string;
    status: WhmcsInvoiceStatus;
    lines: InvoiceLine[];
  }): void {
    const id = 1001 + this.all.length;
    const subtotal = spec.lines.reduce((sum, line) => sum + line.amount, 0);
    const tax = Math.round(subtotal * 0.1);
    const total = subtotal + tax;
    const paidOn = spec.status === "Paid" ? addDays(spec.date, 3) : null;
    this.all.push({
      id,
      userid: spec.userid,
      invoicenum: `INV-${spec.date.slice(0, 4)}${spec.date.slice(5, 7)}-${id}`,
      date: spec.date,
      duedate: addDays(spec.date, 14),
      datepaid: paidOn === null ? null : `${paidOn} 09:30:00`,
      subtotal: yen(subtotal),
      credit: yen(0),
      tax: yen(tax),
      tax2: yen(0),
      total: yen(total),
      taxrate: "10.00",
      taxrate2: "0.00",
      status: spec.status,
      paymentmethod: "stripe",
      notes: "",
      items: spec.lines.map((line) => ({
        id: this.nextItemId++,
        type: line.type,
        relid: line.relid,
        description: line.description,
        amount: yen(line.amount),
        taxed: true,
      })),
      transactions:
        paidOn === null
          ? []
          : [
              {
                id: this.nextTransactionId++,
                transid: `ch_demo_${id}`,
                date: `${paidOn} 09:30:00`,
                gateway: "stripe",
                description: `Invoice Payment (#${id})`,
                amountin: yen(total),
                fees: yen(0),
              },
            ],
    });
  }
}

/** WHMCS stores money with two decimals, JPY included. */
function yen(amount: number): string {
  return amount.toFixed(2);
}

function client(
  fields: Pick<
    WhmcsClient,
    | "id"
    | "firstname"
    | "lastname"
    | "email"
    | "address1"
    | "address2"
    | "city"
    | "state"
    | "postcode"
    | "phonenumber"
    | "datecreated"
  >,
): WhmcsClient {
  return {
    ...fields,
    uuid: `00000000-0000-4000-8000-${String(fields.id).padStart(12, "0")}`,
    companyname: "",
    country: "JP",
    tax_id: "",
    currency: 1,
    groupid: 0,
    language: "",
    notes: "",
    status: "Active",
    marketingoptin: false,
  };
}

function demoCard(seedDate: string): WhmcsPayMethod {
  const expiryYear = String(Number(seedDate.slice(0, 4)) + 3).slice(2);
  const updated = addMonths(seedDate, -14);
  return {
    id: 1,
    clientId: 1,
    type: "RemoteCreditCard",
    description: "Visa ending 4242",
    gateway_name: "stripe",
    card_last_four: "4242",
    expiry_date: `12/${expiryYear}`,
    card_type: "Visa",
    bank_name: "",
    remote_token: JSON.stringify({ customer: "cus_demo0001", method: "pm_demo4242" }),
    last_updated: `${updated.slice(8, 10)}/${updated.slice(5, 7)}/${updated.slice(0, 4)} 10:00`,
  };
}

function systemStamps(seedDate: string): SfRecord {
  const created = `${addMonths(seedDate, -14)}T01:00:00.000+0000`;
  return {
    IsDeleted: false,
    CreatedDate: created,
    LastModifiedDate: created,
    SystemModstamp: created,
  };
}

function account(seedDate: string, fields: SfRecord): SfRecord {
  return { ...systemStamps(seedDate), ...fields };
}

function contact(
  seedDate: string,
  id: string,
  accountId: string,
  firstName: string,
  lastName: string,
  email: string,
  phone: string,
): SfRecord {
  return {
    ...systemStamps(seedDate),
    Id: id,
    AccountId: accountId,
    FirstName: firstName,
    LastName: lastName,
    Email: email,
    Phone: phone,
  };
}
