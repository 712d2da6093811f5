import { z } from "zod";

/**
 * A REST API error body: an array of `{ message, errorCode, fields? }` (`fields` lists the fields
 * involved, for validation errors). Source: REST API Developer Guide, "Status Codes and Error Responses"
 * (https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/errorcodes.htm).
 */
export const restErrorListSchema = z.array(
  z.object({
    message: z.string(),
    errorCode: z.string(),
    fields: z.array(z.string()).optional(),
  }),
);
/** One entry of a REST API error body. */
export type RawRestError = z.infer<typeof restErrorListSchema>[number];
