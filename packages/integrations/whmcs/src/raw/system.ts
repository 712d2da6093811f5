import { z } from "zod";

/**
 * WhmcsDetails answer: the installation's version. The portal calls it as a cheap authenticated
 * read for health checks. Source: WHMCS/developer-docs api-reference/whmcsdetails.md.
 */
export const whmcsDetailsResponseSchema = z.object({
  whmcs: z.object({
    version: z.string(),
    canonicalversion: z.string().optional(),
  }),
});
export type WhmcsDetailsResponse = z.output<typeof whmcsDetailsResponseSchema>;
