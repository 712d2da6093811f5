import { z } from "zod";
import { recordAttributesSchema } from "./record-attributes.js";

/**
 * The Contact fields the portal reads. `LastName` is required by Salesforce; `FirstName`, `Email` and
 * `Phone` are optional and come back as `null` when empty.
 * Source: Salesforce Object Reference, "Contact"
 * (https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_contact.htm).
 */
const rawContactFieldsSchema = z.object({
  Id: z.string(),
  AccountId: z.string(),
  FirstName: z.string().nullable(),
  LastName: z.string(),
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
