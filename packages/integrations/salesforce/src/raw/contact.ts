import { z } from "zod";
import { recordAttributesSchema } from "./record-attributes.js";

/**
 * The Contact fields the portal reads. `LastName` is required by Salesforce; `FirstName`, `Email` and
 * `Phone` are optional and come back as `null` when empty. `LastNameKana__c` / `FirstNameKana__c`
 * are the org's custom text fields for the katakana readings (docs/setup/real-systems.md).
 * Source: Salesforce Object Reference, "Contact"
 * (https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_contact.htm).
 */
const rawContactFieldsSchema = z.object({
  Id: z.string(),
  AccountId: z.string(),
  FirstName: z.string().nullable(),
  LastName: z.string(),
  LastNameKana__c: z.string().nullable(),
  FirstNameKana__c: z.string().nullable(),
  Email: z.string().nullable(),
  Phone: z.string().nullable(),
});

/** The field list sent in SOQL `SELECT`, in schema order. */
export const contactFields = rawContactFieldsSchema.keyof().options;

/** A Contact record as a SOQL query returns it. */
export const rawContactSchema = rawContactFieldsSchema.extend({
  attributes: recordAttributesSchema,
});
/** A validated Contact record, field names as Salesforce spells them. */
export type RawContact = z.infer<typeof rawContactSchema>;

/** The Contact fields the portal writes (PATCH / POST `sobjects/Contact`). */
export interface RawContactDetails {
  FirstName: string;
  LastName: string;
  LastNameKana__c: string;
  FirstNameKana__c: string;
  Phone: string;
}
