import { z } from "zod";
import { rawCatalogProductSchema } from "./product.js";
import { recordAttributesSchema } from "./record-attributes.js";

/**
 * The PricebookEntry fields the catalog reads. `UnitPrice` is a currency field (a JSON number; the
 * portal pricebook holds integer yen, tax excluded — decision 0051); `Product2` is the parent
 * product's fields selected through the relationship, `null` if the lookup were empty.
 * Source: Salesforce Object Reference "PricebookEntry"; SOQL and SOSL Reference "Relationship Queries".
 */
const rawPricebookEntryFieldsSchema = z.object({
  Id: z.string(),
  Pricebook2Id: z.string(),
  Product2Id: z.string(),
  UnitPrice: z.number(),
  IsActive: z.boolean(),
});

/** The PricebookEntry's own field names the catalog query selects, in schema order. */
export const pricebookEntryFields = rawPricebookEntryFieldsSchema.keyof().options;

/** One row of the catalog query: a PricebookEntry with its Product2's fields. */
export const rawCatalogEntrySchema = rawPricebookEntryFieldsSchema.extend({
  attributes: recordAttributesSchema,
  Product2: rawCatalogProductSchema.extend({ attributes: recordAttributesSchema }).nullable(),
});
/** A validated catalog row, field names as Salesforce spells them. */
export type RawCatalogEntry = z.infer<typeof rawCatalogEntrySchema>;
