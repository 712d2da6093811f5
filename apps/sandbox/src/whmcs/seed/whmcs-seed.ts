import { addDays, addMonths } from "../../seed/calendar.js";
import { hashPassword } from "../client-area/passwords.js";
import { KANA_CUSTOM_FIELD_IDS } from "../custom-fields/client-custom-fields.js";
import type {
  WhmcsClient,
  WhmcsInvoice,
  WhmcsInvoiceStatus,
  WhmcsOrder,
  WhmcsPayMethod,
  WhmcsService,
  WhmcsState,
} from "../state/whmcs-state.js";

/** The demo customer's WHMCS password (the same as the portal's, for ValidateLogin). */
export const DEMO_CLIENT_PASSWORD = "Demo1234!portal";

/**
 * The WHMCS client of customer number 100004, who has a WHMCS login but no portal user yet (the
 * seeds' "Login/Linking": existing WHMCS customers move to the portal). A fixed id well above the
 * ones AddClient hands out to sign-ups, so an upgraded state can gain it without a clash and the
 * Salesforce Account (`WH_Account__c`) can name it.
 */
export const MIGRATION_CLIENT_ID = 100;

/** Its email and WHMCS client-area password (README "Demo data"). */
export const MIGRATION_CLIENT_EMAIL = "yuki.kobayashi@example.com";
export const MIGRATION_CLIENT_PASSWORD = "Legacy1234!whmcs";

/** Custom field values (`{ fieldId: value }`) holding the katakana readings of `lastName firstName`. */
function readings(lastNameKana: string, firstNameKana: string): Record<string, string> {
  return {
    [KANA_CUSTOM_FIELD_IDS.lastNameKana]: lastNameKana,
    [KANA_CUSTOM_FIELD_IDS.firstNameKana]: firstNameKana,
  };
}

/**
 * The katakana readings of the seeded clients' names, by email (client custom fields; used by the
 * seed and by the state upgrade that gives existing clients their custom fields).
 */
export const SEEDED_READINGS: Readonly<Record<string, Record<string, string>>> = {
  "demo@example.com": readings("ヤマダ", "タロウ"),
  "other@example.com": readings("サトウ", "ジロウ"),
  [MIGRATION_CLIENT_EMAIL]: readings("コバヤシ", "ユキ"),
};

/**
 * The WHMCS part of the deterministic demo data of docs/architecture/wiring.md "Demo data",
 * computed from `seedDate` (`YYYY-MM-DD`, the UTC date the state is first created) so invoice
 * statuses read right whenever the sandbox starts:
 * Each client's name has its katakana reading in the client custom fields ({@link SEEDED_READINGS}).
 * - client #1 `demo@example.com` (Tokyo, JPY, Visa ••4242 saved, password `Demo1234!portal`)
 *   with 14 monthly invoices, the newest issued on the seed date and each due 14 days after
 *   issue: newest Unpaid (not yet due), the one before Unpaid and about 16 days past due, the
 *   sixth newest Cancelled, the rest Paid. Each is "Fibre 1G Home" ¥4,800 + "Router rental"
 *   ¥500, tax 10% → ¥5,830.
 * - client #2 `other@example.com` with 3 invoices of its own (no portal user).
 * - client #100 `yuki.kobayashi@example.com` (password `Legacy1234!whmcs`), customer number
 *   100004, with 3 invoices ({@link migrationCustomer}); no portal user.
 * Invoice ids start at 1001, `invoicenum` is `INV-<yyyymm>-<id>`.
 */
export function whmcsSeed(seedDate: string): WhmcsState {
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

  const migrationClient = migrationCustomer(seedDate, invoices);

  return {
    seedDate,
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
      migrationClient,
    ],
    invoices: invoices.all,
    payMethods: [demoCard(seedDate)],
    ...seededServices(seedDate, [{ id: 1 }, { id: 2 }, { id: MIGRATION_CLIENT_ID }]),
  };
}

/** The service each seeded client's invoices bill: service id = invoice item `relid`. */
const SEEDED_SERVICES: readonly {
  serviceId: number;
  clientId: number;
  pid: number;
  amount: string;
  monthsAgo: number;
}[] = [
  { serviceId: 1, clientId: 1, pid: 101, amount: "4800.00", monthsAgo: 13 },
  { serviceId: 2, clientId: 2, pid: 212, amount: "1800.00", monthsAgo: 2 },
  { serviceId: 3, clientId: MIGRATION_CLIENT_ID, pid: 101, amount: "4800.00", monthsAgo: 2 },
];

/**
 * The seeded clients' services and the (accepted) orders that made them: client #1 and client
 * #100 a fibre service (product 101), client #2 a data SIM (product 212), registered when their
 * first invoice was issued, Active, next due a month after `seedDate`. Only clients present in
 * `clients` get theirs (the state upgrade passes the stored clients). The orders predate the
 * invoice history the sandbox keeps, so they name no invoice.
 */
export function seededServices(
  seedDate: string,
  clients: readonly { id: number }[],
): { orders: WhmcsOrder[]; services: WhmcsService[] } {
  const present = SEEDED_SERVICES.filter((seed) =>
    clients.some((client) => client.id === seed.clientId),
  );
  return {
    orders: present.map((seed) => ({
      id: seed.serviceId,
      ordernum: String(1_000_000_000 + seed.serviceId * 7_919),
      userid: seed.clientId,
      date: `${addMonths(seedDate, -seed.monthsAgo)} 00:00:00`,
      amount: seed.amount,
      paymentmethod: "stripe",
      invoiceid: 0,
      status: "Active",
      ipaddress: "",
      notes: "",
    })),
    services: present.map((seed) => ({
      id: seed.serviceId,
      userid: seed.clientId,
      orderid: seed.serviceId,
      pid: seed.pid,
      qty: 1,
      regdate: addMonths(seedDate, -seed.monthsAgo),
      domain: "",
      paymentmethod: "stripe",
      firstpaymentamount: seed.amount,
      recurringamount: seed.amount,
      billingcycle: "Monthly",
      nextduedate: addMonths(seedDate, 1),
      status: "Active",
      notes: "",
      customfields: {},
    })),
  };
}

/**
 * The migration customer of customer number 100004: client {@link MIGRATION_CLIENT_ID} with a
 * known client-area password and 3 monthly invoices ("Fibre 1G Home" ¥4,800 + tax → ¥5,280; the
 * newest Unpaid, the others Paid), added to `invoices` (numbered after the invoices already
 * there). Used by the seed and by the state upgrade that brings it into an existing sandbox.
 */
export function migrationCustomer(seedDate: string, invoices: InvoiceBuilder): WhmcsClient {
  for (let monthsAgo = 2; monthsAgo >= 0; monthsAgo -= 1) {
    invoices.add({
      userid: MIGRATION_CLIENT_ID,
      date: addMonths(seedDate, -monthsAgo),
      status: monthsAgo === 0 ? "Unpaid" : "Paid",
      lines: [{ type: "Hosting", relid: 3, description: "Fibre 1G Home", amount: 4800 }],
    });
  }
  return {
    ...client({
      id: MIGRATION_CLIENT_ID,
      firstname: "Yuki",
      lastname: "Kobayashi",
      email: MIGRATION_CLIENT_EMAIL,
      address1: "2-1-1 Tenjin",
      address2: "",
      city: "Chuo-ku, Fukuoka",
      state: "Fukuoka",
      postcode: "810-0001",
      phonenumber: "092-123-4567",
      datecreated: addMonths(seedDate, -30),
    }),
    passwordHash: hashPassword(MIGRATION_CLIENT_PASSWORD),
  };
}

interface InvoiceLine {
  type: string;
  relid: number;
  description: string;
  /** Whole yen. */
  amount: number;
}

/**
 * Numbers invoices, items and transactions in creation order (after those in `existing`, invoice
 * ids from 1001) and computes the 10% tax.
 */
export class InvoiceBuilder {
  readonly all: WhmcsInvoice[] = [];
  private readonly firstInvoiceId: number;
  private nextItemId: number;
  private nextTransactionId: number;

  constructor(existing: readonly WhmcsInvoice[] = []) {
    const maxOf = (ids: number[]): number => ids.reduce((max, id) => Math.max(max, id), 0);
    this.firstInvoiceId = Math.max(1001, maxOf(existing.map((invoice) => invoice.id)) + 1);
    this.nextItemId =
      maxOf(existing.flatMap((invoice) => invoice.items.map((item) => item.id))) + 1;
    this.nextTransactionId =
      maxOf(existing.flatMap((invoice) => invoice.transactions.map((entry) => entry.id))) + 1;
  }

  add(spec: {
    userid: number;
    date: string;
    status: WhmcsInvoiceStatus;
    lines: InvoiceLine[];
  }): void {
    const id = this.firstInvoiceId + this.all.length;
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
      datecancelled: spec.status === "Cancelled" ? `${addDays(spec.date, 20)} 10:00:00` : null,
      subtotal: yen(subtotal),
      credit: yen(0),
      tax: yen(tax),
      tax2: yen(0),
      total: yen(total),
      taxrate: "10.00",
      taxrate2: "0.00",
      status: spec.status,
      paymentmethod: "stripe",
      paymethodid: spec.userid === 1 ? 1 : null,
      notes: "",
      createdAt: `${spec.date} 00:05:00`,
      updatedAt: `${paidOn ?? spec.date} ${paidOn === null ? "00:05:00" : "09:30:00"}`,
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
    customfields: SEEDED_READINGS[fields.email] ?? {},
    passwordHash: fields.id === 1 ? hashPassword(DEMO_CLIENT_PASSWORD) : null,
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
