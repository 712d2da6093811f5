import { eligibilitySchema } from "@portal/domain";
import { type CacheTag, cachedRead } from "../cache/cached-read.js";

/** The tag of everything cached about one Salesforce Account's internet eligibility. */
export const eligibilityTags = {
  account: (sfAccountId: string): CacheTag => ({ kind: "eligibility", id: sfAccountId }),
};

/**
 * How long an Account's eligibility is served from the cache: 60 s, the catalog's "volatile bits"
 * (DESIGN.md §5), so staff's answer in Salesforce shows within a minute while no Change Data
 * Capture subscriber publishes `EligibilityChanged` yet (decision 0053).
 */
export const ELIGIBILITY_TTL_SECONDS = 60;

/**
 * An Account's internet eligibility as `GET /api/eligibility` answers it (the Account's status and
 * offering type, with the portal's latest request), cached per Account for
 * {@link ELIGIBILITY_TTL_SECONDS} and dropped at once by the portal's own request and by
 * `EligibilityChanged` (staff's answer, published by Change Data Capture once it lands; then the
 * TTL can go: DESIGN.md §5 "per-account eligibility invalidated on change").
 */
export const eligibilityRead = cachedRead({
  namespace: "eligibility",
  key: (sfAccountId: string) => sfAccountId,
  schema: eligibilitySchema,
  freshness: { ttlSeconds: ELIGIBILITY_TTL_SECONDS },
  tags: (sfAccountId) => [eligibilityTags.account(sfAccountId)],
});
