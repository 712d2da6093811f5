import { raw } from "@portal/salesforce";
import { z } from "zod";
import { ACCOUNT } from "../model/account.js";
import type { SObjectRecords } from "../model/sobject-records.js";

/**
 * What staff decide about an Account's internet eligibility (`POST
 * /__control/salesforce/accounts/:id/eligibility`, the console's buttons): `Eligible` with the
 * offering type, or `Ineligible` (an offering type sent with it is ignored).
 */
export const eligibilityDecisionSchema = z
  .object({
    status: z.enum(["Eligible", "Ineligible"]),
    offeringType: z.enum(raw.INTERNET_OFFERING_TYPES).optional(),
  })
  .refine((decision) => decision.status === "Ineligible" || decision.offeringType !== undefined, {
    message: "Eligible needs an offering type",
    path: ["offeringType"],
  });
export type EligibilityDecision = z.infer<typeof eligibilityDecisionSchema>;

/** The REST API version the console's edits are logged under (the change log's `changeOrigin`). */
const CONSOLE_API_VERSION = "65.0";

/**
 * Writes staff's decision to Account `accountId` as an edit in Salesforce would:
 * `Internet_Eligibility_Status__c` and `Internet_Eligibility__c` (null when ineligible), with a
 * change log entry like any update.
 * @throws SalesforceApiError 404 `NOT_FOUND` for an unknown Account.
 */
export async function decideEligibility(
  records: SObjectRecords,
  accountId: string,
  decision: EligibilityDecision,
): Promise<void> {
  await records.update(
    ACCOUNT,
    accountId,
    {
      Internet_Eligibility_Status__c: decision.status,
      Internet_Eligibility__c:
        decision.status === "Eligible" ? (decision.offeringType ?? null) : null,
    },
    { apiVersion: CONSOLE_API_VERSION },
  );
}
