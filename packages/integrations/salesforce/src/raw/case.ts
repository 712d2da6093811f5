/**
 * The `Origin` picklist value of every Case the portal opens (an org administrator adds it to the
 * standard Case Origin picklist). Source: seeds "Support: … Origin = 'Portal Website'";
 * DESIGN.md §4 (Case).
 */
export const CASE_ORIGIN_PORTAL = "Portal Website";

/**
 * The standard Case `Status` and `Priority` picklist values of a new org (Salesforce Object
 * Reference, Case: `Status` defaults to `New`, `Priority` to `Medium`), and the `Origin` values
 * an org starts with plus {@link CASE_ORIGIN_PORTAL}.
 */
export const CASE_STATUSES = ["New", "Working", "Escalated", "Closed"] as const;
export const CASE_PRIORITIES = ["High", "Medium", "Low"] as const;
export const CASE_ORIGINS = ["Phone", "Email", "Web", CASE_ORIGIN_PORTAL] as const;

/**
 * The `Type` picklist value of the Case asking staff to check an address for fibre (the org
 * adds it to the standard Case Type picklist; docs/setup/real-systems.md).
 */
export const CASE_TYPE_INTERNET_ELIGIBILITY = "Internet Eligibility";
/** The Case `Type` values: the standard org's, plus {@link CASE_TYPE_INTERNET_ELIGIBILITY}. */
export const CASE_TYPES = [
  "Mechanical",
  "Electrical",
  "Electronic",
  "Structural",
  "Other",
  CASE_TYPE_INTERNET_ELIGIBILITY,
] as const;

/**
 * The body of `POST sobjects/Case` the portal sends. `ContactId` is left out when unknown.
 * Source: Salesforce Object Reference, Case (Subject 255 characters, Description long text 32 KB).
 */
export interface RawNewCase {
  Subject: string;
  Description: string;
  Origin: typeof CASE_ORIGIN_PORTAL;
  Type: (typeof CASE_TYPES)[number];
  Status: "New";
  Priority: (typeof CASE_PRIORITIES)[number];
  AccountId: string;
  ContactId?: string;
}
