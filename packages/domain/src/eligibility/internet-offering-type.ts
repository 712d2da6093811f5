import { z } from "zod";

/**
 * The kind of fibre service an address qualifies for, in plain terms: `home_1g` (detached house,
 * 1 Gbps), `home_10g` (detached house, 10 Gbps), `mansion_1g` (apartment building, 1 Gbps shared line). The one list of
 * offering types: the eligibility of an Account (Salesforce `Internet_Eligibility__c`) and, for
 * the catalog, the fibre plans of each type (`Product2.Internet_Offering_Type__c`) use it.
 * Salesforce spells them `Home 1G`, `Home 10G`, `Mansion 1G` (mapped in `@portal/salesforce`).
 * Source: DESIGN.md §4 "Salesforce objects and fields" (Account, Product2); decisions 0051, 0053.
 */
export const internetOfferingTypeSchema = z.enum(["home_1g", "home_10g", "mansion_1g"]);
export type InternetOfferingType = z.infer<typeof internetOfferingTypeSchema>;
