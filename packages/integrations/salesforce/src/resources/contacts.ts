import { type CustomerContact } from "@portal/domain";
import { recordId, type SalesforceCore } from "../core/salesforce-core.js";
import { toCustomerContact } from "../mappers/customer-contact.js";
import { contactFields, rawContactSchema } from "../raw/contact.js";

/**
 * `salesforce.contacts`: the people on a customer's Account. Reads, retried on transient failures.
 * Source: DESIGN.md §4 "Salesforce objects and fields" (Contact).
 */
export class SalesforceContacts {
  constructor(private readonly core: SalesforceCore) {}

  /**
   * The Account's first Contact by creation date, or null when it has none. Sends
   * `SELECT Id, AccountId, FirstName, LastName, Email, Phone FROM Contact WHERE AccountId = '<Id>'
   * ORDER BY CreatedDate ASC LIMIT 1`.
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
}
