import { eligibilitySchema } from "@portal/domain";
import { type CacheTag, cachedRead } from "../cache/cached-read.js";

/** The tag of everything cached about one Salesforce Account's internet eligibility. */
export const eligibilityTags = {
  account: (sfAccountId: string): CacheTag => ({ kind: "eligibility", id: sfAccountId }),
};

/**
 * An Account's internet eligibility as `GET /api/eligibility` answers it (the Account's status and
 * offering type, with the portal's latest request), cached until invalidated — by the portal's
 * own request, and by `EligibilityChanged` (staff's answer, published by Change Data Capture once
 * it lands) — per Account (DESIGN.md §5 "per-account eligibility invalidated on change").
 */
export const eligibilityRead = cachedRead({
  namespace: "eligibility",
  key: (sfAccountId: string) => sfAccountId,
  schema: eligibilitySchema,
  freshness: { untilInvalidated: true },
  tags: (sfAccountId) => [eligibilityTags.account(sfAccountId)],
});
