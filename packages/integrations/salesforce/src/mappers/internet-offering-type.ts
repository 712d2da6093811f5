import { type InternetOfferingType } from "@portal/domain";
import { type InternetOfferingType as RawInternetOfferingType } from "../raw/product.js";

/** Each Salesforce offering type in the domain's terms. */
export const OFFERING_TYPES_FROM_RAW: Readonly<
  Record<RawInternetOfferingType, InternetOfferingType>
> = {
  "Home 1G": "home_1g",
  "Home 10G": "home_10g",
  "Mansion 1G": "mansion_1g",
};

/**
 * Salesforce offering type (`Internet_Eligibility__c`, and the catalog's
 * `Internet_Offering_Type__c`) → the domain's: `Home 1G` → `home_1g`, `Home 10G` → `home_10g`,
 * `Mansion 1G` → `mansion_1g`. Source: raw `INTERNET_OFFERING_TYPES`; decisions 0051, 0053.
 */
export function toInternetOfferingType(raw: RawInternetOfferingType): InternetOfferingType {
  return OFFERING_TYPES_FROM_RAW[raw];
}
