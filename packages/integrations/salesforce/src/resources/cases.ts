import { addressSchema, customerNumberSchema } from "@portal/domain";
import { z } from "zod";
import { recordId, type SalesforceCore } from "../core/salesforce-core.js";
import { parseResponse } from "../core/parse-response.js";
import { SalesforceError } from "../errors/salesforce-error.js";
import { type EligibilityCaseRequest, toEligibilityCase } from "../mappers/eligibility-case.js";
import { recordCreatedSchema } from "../raw/record-created.js";

const eligibilityCaseRequestSchema = z.object({
  accountId: z.string(),
  contactId: z.string().nullable(),
  customerNumber: customerNumberSchema,
  address: addressSchema,
});

/**
 * `salesforce.cases`: Cases the portal opens for staff (Origin `Portal Website`), and their removal
 * when the portal's own request they belong to could not be completed.
 * Source: DESIGN.md §4 (Case); Salesforce Object Reference, Case.
 */
export class SalesforceCases {
  constructor(private readonly core: SalesforceCore) {}

  /**
   * Opens the Case asking staff to check `request.address` for fibre (`POST sobjects/Case`, body
   * from `toEligibilityCase`) and returns its Id. Sent once, never retried: a repeat would open a
   * second Case (the BFF route carries the customer's `Idempotency-Key`).
   * Throws `SalesforceError`: `rejected` before any call when an argument is invalid, or when
   * Salesforce refuses (e.g. `INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST` for an Origin the org
   * lacks); `malformed` when the answer has no Id; otherwise as any call.
   */
  async createEligibilityCase(request: EligibilityCaseRequest): Promise<{ caseId: string }> {
    const operation = "createEligibilityCase";
    const accountId = recordId(operation, request.accountId);
    const contactId = request.contactId === null ? null : recordId(operation, request.contactId);
    const parsed = eligibilityCaseRequestSchema.safeParse({ ...request, accountId, contactId });
    if (!parsed.success) {
      throw new SalesforceError("rejected", operation, {
        message: "An eligibility Case needs a customer number and a valid address",
      });
    }
    const body = await this.core.call(
      operation,
      (conn) => conn.sobject("Case").create({ ...toEligibilityCase(parsed.data) }),
      { access: "write" },
    );
    return { caseId: parseResponse(recordCreatedSchema, body, operation, "Case create result").id };
  }

  /**
   * Deletes Case `caseId` (`DELETE sobjects/Case/<Id>`; Salesforce moves it to the Recycle Bin).
   * Used only to take back a Case whose request failed half-way. Sent once; an already deleted
   * or unknown Case counts as deleted.
   * Throws `SalesforceError`: `rejected` before any call when `caseId` is not a record Id;
   * otherwise as any call.
   */
  async delete(caseId: string): Promise<void> {
    const operation = "deleteCase";
    const id = recordId(operation, caseId);
    try {
      await this.core.call(operation, (conn) => conn.sobject("Case").destroy(id), {
        access: "write",
      });
    } catch (error) {
      if (
        error instanceof SalesforceError &&
        (error.vendorCode === "NOT_FOUND" || error.vendorCode === "ENTITY_IS_DELETED")
      ) {
        return;
      }
      throw error;
    }
  }
}
