import { contactDetailsSchema, type ContactDetails, type CustomerContact } from "@portal/domain";
import { z } from "zod";
import { recordId, type SalesforceCore } from "../core/salesforce-core.js";
import { parseResponse } from "../core/parse-response.js";
import { SalesforceError } from "../errors/salesforce-error.js";
import { toCustomerContact, toRawContactDetails } from "../mappers/customer-contact.js";
import { contactFields, rawContactSchema } from "../raw/contact.js";
import { recordCreatedSchema } from "../raw/record-created.js";

const newContactSchema = contactDetailsSchema.extend({ email: z.email() });

/**
 * `salesforce.contacts`: the people on a customer's Account: the primary Contact read (retried on
 * transient failures), its names, readings and phone written, or a Contact created (sent once).
 * Source: DESIGN.md §4 "Salesforce objects and fields" (Contact).
 */
export class SalesforceContacts {
  constructor(private readonly core: SalesforceCore) {}

  /**
   * The Account's first Contact by creation date, or null when it has none. Sends
   * `SELECT Id, AccountId, FirstName, LastName, LastNameKana__c, FirstNameKana__c, Email, Phone
   * FROM Contact WHERE AccountId = '<Id>' ORDER BY CreatedDate ASC LIMIT 1`.
   * Throws `SalesforceError`: `rejected` before any call when `accountId` is not a record Id; otherwise as any call.
   */
  async findPrimary(accountId: string): Promise<CustomerContact | null> {
    const operation = "findPrimaryContact";
    const id = recordId(operation, accountId);
    const [first] = await this.core.queryRecords(
      operation,
      (conn) =>
        conn
          .sobject("Contact")
          .find({ AccountId: id }, [...contactFields])
          .sort({ CreatedDate: "ASC" })
          .limit(1)
          .toSOQL(),
      rawContactSchema,
      "Contact query result",
    );
    return first ? toCustomerContact(first) : null;
  }

  /**
   * Writes the customer's names, katakana readings and phone to Contact `contactId`:
   * `PATCH sobjects/Contact/<Id>` with `{ FirstName, LastName, LastNameKana__c, FirstNameKana__c,
   * Phone }`. Sent once, never retried here (the caller's job retries; the PATCH is idempotent).
   * Throws `SalesforceError`: `rejected` before any call when an argument is invalid, or when
   * Salesforce refuses (`NOT_FOUND`, `INVALID_FIELD` for an org without the reading fields,
   * validation rules); otherwise as any call.
   */
  async updateDetails(contactId: string, details: ContactDetails): Promise<void> {
    const operation = "updateContactDetails";
    const id = recordId(operation, contactId);
    const parsed = contactDetailsSchema.safeParse(details);
    if (!parsed.success) {
      throw new SalesforceError("rejected", operation, { message: "Not valid contact details" });
    }
    await this.core.call(
      operation,
      (conn) => conn.sobject("Contact").update({ Id: id, ...toRawContactDetails(parsed.data) }),
      { access: "write" },
    );
  }

  /**
   * Creates the Account's Contact with the customer's names, readings, phone and e-mail
   * (`POST sobjects/Contact`) and returns its Id. Sent once, never retried: the caller looks for
   * the Account's Contact (`findPrimary`) before creating one again.
   * Throws `SalesforceError`: `rejected` before any call when an argument is invalid, or when
   * Salesforce refuses; `malformed` when the answer has no Id; otherwise as any call.
   */
  async create(
    accountId: string,
    details: ContactDetails & { email: string },
  ): Promise<{ contactId: string }> {
    const operation = "createContact";
    const id = recordId(operation, accountId);
    const parsed = newContactSchema.safeParse(details);
    if (!parsed.success) {
      throw new SalesforceError("rejected", operation, { message: "Not valid contact details" });
    }
    const body = await this.core.call(
      operation,
      (conn) =>
        conn.sobject("Contact").create({
          AccountId: id,
          ...toRawContactDetails(parsed.data),
          Email: parsed.data.email,
        }),
      { access: "write" },
    );
    const created = parseResponse(recordCreatedSchema, body, operation, "Contact create result");
    return { contactId: created.id };
  }
}
