import { type EligibilityStatus, type InternetOfferingType } from "@portal/domain";
import { type InternetEligibilityStatus, type RawAccountEligibility } from "../raw/account.js";
import { toInternetOfferingType } from "./internet-offering-type.js";

/** An Account's internet eligibility in domain terms; `offeringType` only when `eligible`. */
export interface AccountEligibility {
  status: EligibilityStatus;
  offeringType: InternetOfferingType | null;
}

const STATUS_FROM_RAW: Readonly<Record<InternetEligibilityStatus, EligibilityStatus>> = {
  "Not Requested": "not_requested",
  Pending: "pending",
  Eligible: "eligible",
  Ineligible: "ineligible",
};

/**
 * Account eligibility fields → {@link AccountEligibility}.
 * - `Internet_Eligibility_Status__c`: `Not Requested`/`Pending`/`Eligible`/`Ineligible` →
 *   `not_requested`/`pending`/`eligible`/`ineligible`; empty (an Account from before the field)
 *   → `not_requested`.
 * - `Internet_Eligibility__c` → the offering type, kept only with `Eligible`; `Eligible` without an
 *   offering type (staff forgot it) reads `pending`: the check is not finished until it names one.
 * Source: DESIGN.md §4 (Account); decision 0053.
 */
export function toAccountEligibility(raw: RawAccountEligibility): AccountEligibility {
  const status = STATUS_FROM_RAW[raw.Internet_Eligibility_Status__c ?? "Not Requested"];
  if (status !== "eligible") return { status, offeringType: null };
  const offering = raw.Internet_Eligibility__c;
  return offering === null
    ? { status: "pending", offeringType: null }
    : { status, offeringType: toInternetOfferingType(offering) };
}
