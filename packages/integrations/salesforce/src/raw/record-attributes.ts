import { z } from "zod";

/**
 * The `attributes` object Salesforce puts on every record it returns: the sObject type and the
 * record's REST URL. Source: REST API Developer Guide, "Query" and "sObject Rows" examples.
 */
export const recordAttributesSchema = z.object({
  type: z.string(),
  url: z.string(),
});
