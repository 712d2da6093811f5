import {
  addressSchema,
  customerNumberSchema,
  type Address,
  type CustomerAccount,
} from "@portal/domain";
import { z } from "zod";
import { recordId, type SalesforceCore } from "../core/salesforce-core.js";
import { parseResponse } from "../core/parse-response.js";
import { SalesforceError } from "../errors/salesforce-error.js";
import { toRawAccountBillingAddress } from "../mappers/account-billing-address.js";
import { toRawAccountPortalLink, type AccountPortalLink } from "../mappers/account-portal-link.js";
import { type AccountEligibility, toAccountEligibility } from "../mappers/account-eligibility.js";
import { toCustomerAccount } from "../mappers/customer-account.js";
import {
  accountEligibilityFields,
  accountFields,
  rawAccountEligibilitySchema,
  rawAccountSchema,
  type RawAccountEligibilityPending,
} from "../raw/account.js";
import { rawPhoneRecordSchema } from "../raw/phone-record.js";

/** Contacts per Account read for the phone check; far above any real customer's. */
const CONTACT_PHONES_LIMIT = 50;
const accountPortalLinkSchema = z.object({
  billingClientId: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  registrationSource: z.string().trim().min(1),
});

/**
 * `salesforce.accounts`: the customer's Account — lookup by customer number for sign-up, read by Id,
 * and the portal link written after sign-up. SOQL is built by jsforce's query builder from validated
 * input, never by string concatenation. Reads are retried on transient failures; the link is sent once.
 * Source: DESIGN.md §4 "Salesforce objects and fields" (Account).
 */
export class SalesforceAccounts {
  constructor(private readonly core: SalesforceCore) {}

  /**
   * The Account whose customer number (`SF_Account_No__c`) is `customerNumber` (6–10 digits, surrounding
   * spaces ignored), or null when none has it. Sends
   * `SELECT Id, Name, SF_Account_No__c, Portal_Status__c, WH_Account__c, Portal_Registration_Source__c
   * FROM Account WHERE SF_Account_No__c = '<number>' LIMIT 2`.
   * Throws `SalesforceError`: `rejected` before any call when the input is not a customer number;
   * `malformed` when two Accounts share the number; otherwise as any call.
   */
  async findByCustomerNumber(customerNumber: string): Promise<CustomerAccount | null> {
    const operation = "findAccountByCustomerNumber";
    const parsed = customerNumberSchema.safeParse(customerNumber);
    if (!parsed.success) {
      throw new SalesforceError("rejected", operation, {
        message: "Not a customer number (6 to 10 digits)",
      });
    }
    return this.findOne(operation, { SF_Account_No__c: parsed.data }, "customer number");
  }

  /**
   * The phone numbers Salesforce has on record for the contract `customerNumber`: the `Phone` of
   * the Account with that `SF_Account_No__c` and of its Contacts, as stored (empty ones left out);
   * an empty list when no Account has the number. Sends, in parallel and whether or not the number
   * exists (the same work either way, so the answer's timing does not tell; decision 0037),
   * `SELECT Phone FROM Account WHERE SF_Account_No__c = '<number>' LIMIT 2` and
   * `SELECT Phone FROM Contact WHERE Account.SF_Account_No__c = '<number>' LIMIT 50`.
   * Throws `SalesforceError`: `rejected` before any call when the input is not a customer number;
   * otherwise as any call.
   */
  async contractPhones(customerNumber: string): Promise<string[]> {
    const operation = "findContractPhones";
    const parsed = customerNumberSchema.safeParse(customerNumber);
    if (!parsed.success) {
      throw new SalesforceError("rejected", operation, {
        message: "Not a customer number (6 to 10 digits)",
      });
    }
    const phonesOf = async (
      sobject: "Account" | "Contact",
      where: Record<string, string>,
      limit: number,
    ): Promise<string[]> => {
      const records = await this.core.queryRecords(
        operation,
        (conn) => conn.sobject(sobject).find(where, ["Phone"]).limit(limit).toSOQL(),
        rawPhoneRecordSchema,
        `${sobject} phone query result`,
      );
      return records.flatMap((record) => (record.Phone ? [record.Phone] : []));
    };
    const [accountPhones, contactPhones] = await Promise.all([
      phonesOf("Account", { SF_Account_No__c: parsed.data }, 2),
      phonesOf("Contact", { "Account.SF_Account_No__c": parsed.data }, CONTACT_PHONES_LIMIT),
    ]);
    return [...accountPhones, ...contactPhones];
  }

  /**
   * The Account whose `WH_Account__c` names WHMCS client `billingClientId`, or null when none does
   * (a WHMCS customer the CRM does not know). Sends `SELECT Id, Name, SF_Account_No__c,
   * Portal_Status__c, WH_Account__c, Portal_Registration_Source__c FROM Account WHERE
   * WH_Account__c = '<id>' LIMIT 2`. Used by the migration of existing WHMCS customers (seeds
   * "Login/Linking"). An Account that spells the id differently (`" 100"`, `"0100"`) is not found.
   * Throws `SalesforceError`: `rejected` before any call when the id is not a positive integer;
   * `malformed` when two Accounts name the client; otherwise as any call.
   */
  async findByBillingClientId(billingClientId: number): Promise<CustomerAccount | null> {
    const operation = "findAccountByBillingClientId";
    if (!Number.isSafeInteger(billingClientId) || billingClientId <= 0) {
      throw new SalesforceError("rejected", operation, {
        message: "Not a WHMCS client id (a positive integer)",
      });
    }
    return this.findOne(operation, { WH_Account__c: String(billingClientId) }, "WHMCS client");
  }

  /** The one Account matching `where` (two make the answer `malformed`), or null. */
  private async findOne(
    operation: string,
    where: Record<string, string>,
    keyName: string,
  ): Promise<CustomerAccount | null> {
    const records = await this.core.queryRecords(
      operation,
      (conn) =>
        conn
          .sobject("Account")
          .find(where, [...accountFields])
          .limit(2)
          .toSOQL(),
      rawAccountSchema,
      "Account query result",
    );
    const [first, second] = records;
    if (second) {
      this.core.logger.warn(
        { accountIds: [first?.Id, second.Id] },
        `Two Salesforce Accounts share one ${keyName}`,
      );
      throw new SalesforceError("malformed", operation, {
        message: `More than one Salesforce Account has this ${keyName}`,
      });
    }
    return first ? toCustomerAccount(first) : null;
  }

  /**
   * The Account with Id `accountId` (15 or 18 characters), or null when Salesforce has no such Account
   * (`NOT_FOUND`). Sends `GET sobjects/Account/<Id>?fields=Id,Name,SF_Account_No__c,Portal_Status__c,
   * WH_Account__c,Portal_Registration_Source__c`.
   * Throws `SalesforceError`: `rejected` before any call when `accountId` is not a record Id; otherwise as any call.
   */
  async get(accountId: string): Promise<CustomerAccount | null> {
    const operation = "getAccount";
    const id = recordId(operation, accountId);
    try {
      const body = await this.core.call(
        operation,
        (conn) => conn.sobject("Account").retrieve(id, { fields: [...accountFields] }),
        { access: "read" },
      );
      return toCustomerAccount(parseResponse(rawAccountSchema, body, operation, "Account"));
    } catch (error) {
      if (error instanceof SalesforceError && error.vendorCode === "NOT_FOUND") return null;
      throw error;
    }
  }

  /**
   * Records on the Account that the customer now has a portal user and a WHMCS client:
   * `PATCH sobjects/Account/<Id>` with `{ Portal_Status__c: "Active", WH_Account__c: "<billingClientId>",
   * Portal_Registration_Source__c }`. Sent once, never retried (the caller decides; the PATCH itself is
   * idempotent, so re-running the whole sign-up step is safe).
   * Throws `SalesforceError`: `rejected` before any call when an argument is invalid, or when Salesforce
   * refuses (`NOT_FOUND`, validation rules); otherwise as any call.
   */
  async linkPortal(accountId: string, link: AccountPortalLink): Promise<void> {
    const operation = "linkPortalAccount";
    const id = recordId(operation, accountId);
    const parsed = accountPortalLinkSchema.safeParse(link);
    if (!parsed.success) {
      throw new SalesforceError("rejected", operation, {
        message: "A portal link needs a positive billing client id and a registration source",
      });
    }
    await this.core.call(
      operation,
      (conn) => conn.sobject("Account").update({ Id: id, ...toRawAccountPortalLink(parsed.data) }),
      { access: "write" },
    );
  }

  /**
   * Writes the customer's address (WHMCS is authoritative; this is the copy Salesforce users see)
   * to the Account's billing address: `PATCH sobjects/Account/<Id>` with `{ BillingPostalCode,
   * BillingState, BillingCity, BillingStreet, BillingCountry }` (see `toRawAccountBillingAddress`).
   * Sent once, never retried here (the caller's job retries; the PATCH is idempotent).
   * Throws `SalesforceError`: `rejected` before any call when an argument is invalid, or when
   * Salesforce refuses (`NOT_FOUND`, validation rules); otherwise as any call.
   */
  async updateBillingAddress(accountId: string, address: Address): Promise<void> {
    const operation = "updateAccountBillingAddress";
    const id = recordId(operation, accountId);
    const parsed = addressSchema.safeParse(address);
    if (!parsed.success) {
      throw new SalesforceError("rejected", operation, { message: "Not a valid address" });
    }
    await this.core.call(
      operation,
      (conn) =>
        conn.sobject("Account").update({ Id: id, ...toRawAccountBillingAddress(parsed.data) }),
      { access: "write" },
    );
  }

  /**
   * The Account's internet eligibility (status, and the offering type when eligible), or null when
   * Salesforce has no such Account. Sends `SELECT Id, Internet_Eligibility__c,
   * Internet_Eligibility_Status__c FROM Account WHERE Id = '<Id>' LIMIT 1` (a query, so a deleted
   * Account reads as none); retried on transient failures.
   * Throws `SalesforceError`: `rejected` before any call when `accountId` is not a record Id;
   * `malformed` when a field holds a value outside its picklist; otherwise as any call.
   */
  async eligibility(accountId: string): Promise<AccountEligibility | null> {
    const operation = "getAccountEligibility";
    const id = recordId(operation, accountId);
    const [record] = await this.core.queryRecords(
      operation,
      (conn) =>
        conn
          .sobject("Account")
          .find({ Id: id }, [...accountEligibilityFields])
          .limit(1)
          .toSOQL(),
      rawAccountEligibilitySchema,
      "Account eligibility query result",
    );
    return record ? toAccountEligibility(record) : null;
  }

  /**
   * Records that the Account's address is being checked for fibre: `PATCH sobjects/Account/<Id>`
   * with `{ Internet_Eligibility_Status__c: "Pending", Internet_Eligibility__c: null }`. Sent once,
   * never retried here (the PATCH is idempotent; the caller decides).
   * Throws `SalesforceError`: `rejected` before any call when `accountId` is not a record Id, or
   * when Salesforce refuses (`NOT_FOUND`, validation rules); otherwise as any call.
   */
  async markEligibilityPending(accountId: string): Promise<void> {
    const operation = "markAccountEligibilityPending";
    const id = recordId(operation, accountId);
    const pending: RawAccountEligibilityPending = {
      Internet_Eligibility_Status__c: "Pending",
      Internet_Eligibility__c: null,
    };
    await this.core.call(
      operation,
      (conn) => conn.sobject("Account").update({ Id: id, ...pending }),
      { access: "write" },
    );
  }
}
