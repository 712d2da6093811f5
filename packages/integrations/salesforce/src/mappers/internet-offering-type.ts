import { type InternetOfferingType } from "@portal/domain";
import { type InternetOfferingType as RawInternetOfferingType } from "../raw/account.js";

const FROM_RAW: Readonly<Record<RawInternetOfferingType, InternetOfferingType>> = {
  "Home 1G": "home_1g",
  "Home 10G": "home_10g",
  Mansion: "mansion",
};

/**
 * Salesforce offering type (`Internet_Eligibility__c`, and the catalog's
 * `Internet_Offering_Type__c`) → the domain's: `Home 1G` → `home_1g`, `Home 10G` → `home_10g`,
 * `Mansion` → `mansion`. Source: raw `INTERNET_OFFERING_TYPES`; decision 0053.
 */
export function toInternetOfferingType(raw: RawInternetOfferingType): InternetOfferingType {
  return FROM_RAW[raw];
}
