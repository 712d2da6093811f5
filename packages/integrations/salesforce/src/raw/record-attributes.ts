import { z } from "zod";

/**
 * The `attributes` object Salesforce puts on every record it returns: the sObject type and the
 * record's REST URL. Source: REST API Developer Guide, "Query" and "sObject Rows" examples.
 */
export const recordAttributesSchema = z.object({
  type: z.string(),
  url: z.string(),
});
/** The `attributes` of a record. */
export type RawRecordAttributes = z.infer<typeof recordAttributesSchema>;

/**
 * The `attributes` of an `AggregateResult` row (aggregate queries): the type only, no URL, since the
 * row is no record. Source: SOQL and SOSL Reference, "Aggregate Functions" (REST examples).
 */
export interface RawAggregateResultAttributes {
  type: "AggregateResult";
}
