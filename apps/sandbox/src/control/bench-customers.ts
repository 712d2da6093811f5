import { randomUUID } from "node:crypto";
import { ACCOUNT } from "../salesforce/model/account.js";
import { utcDate } from "../server/clock.js";
import type { SandboxServices } from "../server/sandbox-services.js";
import type { WhmcsClient, WhmcsPayMethod } from "../whmcs/state/whmcs-state.js";

/** A customer made for a fulfilment run: its Salesforce Account and WHMCS client. */
export interface BenchCustomer {
  readonly accountId: string;
  readonly whmcsClientId: number;
}

/** The REST API version the Accounts are logged under (the change log's `changeOrigin`). */
const API_VERSION = "65.0";

const nextId = (rows: readonly { id: number }[]): number =>
  rows.reduce((max, row) => Math.max(max, row.id), 0) + 1;

/**
 * Makes `count` customers ready to be fulfilled, as the portal's sign-up and the payment page
 * would leave them: per customer a WHMCS client (Active, JPY, address in Tokyo, no portal login)
 * with a saved Visa card (the payment method fulfilment checks first), and an Account
 * (`Portal_Status__c` Active, `WH_Account__c` = the client id, the same billing address).
 * Numbers: client ids continue WHMCS's, `SF_Account_No__c` is `9` + the client id (6+ digits).
 * Spreading orders over customers keeps each customer's service list short, as a real shop's is
 * (fulfilment reads a client's services to find an order placed before a crash, decision 0060).
 */
export async function createBenchCustomers(
  services: SandboxServices,
  count: number,
): Promise<BenchCustomer[]> {
  const now = services.clock();
  const clients = await services.whmcsState.mutate((state) => {
    const made: WhmcsClient[] = [];
    for (let index = 0; index < count; index += 1) {
      const id = nextId(state.clients);
      const client: WhmcsClient = {
        id,
        uuid: randomUUID(),
        firstname: "Bench",
        lastname: `Customer ${id}`,
        companyname: "",
        email: `bench-${id}@example.com`,
        address1: "1-1-1 Shiba",
        address2: "",
        city: "Minato-ku",
        state: "Tokyo",
        postcode: "105-0014",
        country: "JP",
        phonenumber: "090-0000-0000",
        tax_id: "",
        currency: 1,
        groupid: 0,
        language: "japanese",
        notes: "Made by the fulfilment benchmark",
        status: "Active",
        datecreated: utcDate(now),
        marketingoptin: false,
        customfields: {},
        passwordHash: null,
      };
      const card: WhmcsPayMethod = {
        id: nextId(state.payMethods),
        clientId: id,
        type: "RemoteCreditCard",
        description: "Visa ending 4242",
        gateway_name: "stripe",
        card_last_four: "4242",
        expiry_date: `12/${String(now.getUTCFullYear() + 3).slice(2)}`,
        card_type: "Visa",
        bank_name: "",
        remote_token: JSON.stringify({ customer: `cus_bench${id}`, method: `pm_bench${id}` }),
        last_updated: `${utcDate(now).split("-").reverse().join("/")} 10:00`,
      };
      state.clients.push(client);
      state.payMethods.push(card);
      made.push(client);
    }
    return made;
  });
  const accountIds = await services.records.transaction((writes) =>
    clients.map((client) =>
      writes.create(
        ACCOUNT,
        {
          Name: `Bench Customer ${client.id}`,
          SF_Account_No__c: `9${String(client.id).padStart(5, "0")}`,
          WH_Account__c: String(client.id),
          Portal_Status__c: "Active",
          BillingStreet: client.address1,
          BillingCity: client.city,
          BillingState: client.state,
          BillingPostalCode: client.postcode,
          BillingCountry: "Japan",
        },
        { apiVersion: API_VERSION },
      ),
    ),
  );
  return clients.map((client, index) => ({
    accountId: accountIds[index]!,
    whmcsClientId: client.id,
  }));
}
