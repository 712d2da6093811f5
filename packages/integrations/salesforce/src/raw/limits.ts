import { z } from "zod";

/**
 * The part of `GET /services/data/vXX.X/limits` the health check reads: the org's daily API request
 * allowance (`{ "DailyApiRequests": { "Max": 15000, "Remaining": 14998 }, ... }`, many other limits
 * alongside). Source: REST API Developer Guide, "List Org Limits"
 * (https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/dome_limits.htm).
 */
export const limitsSchema = z.object({
  DailyApiRequests: z.object({
    Max: z.number().int().nonnegative(),
    Remaining: z.number().int(),
  }),
});
/** The part of the limits body the health check reads. */
export type RawLimits = z.infer<typeof limitsSchema>;
