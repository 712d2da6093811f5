import { z } from "zod";
import { cachedRead } from "../cache/cached-read.js";

/**
 * Who a portal user is upstream: the ids a request needs to read their data, and nothing a
 * customer can edit (names and email stay in the database and WHMCS).
 */
export const customerIdentitySchema = z.object({
  /** Portal user id (uuid). */
  userId: z.string(),
  /** WHMCS client id. */
  whmcsClientId: z.number().int(),
  /** Salesforce Account id (18 characters). */
  sfAccountId: z.string(),
  /** The customer number (`SF_Account_No__c`). */
  customerNumber: z.string(),
});

/** See {@link customerIdentitySchema}. */
export type CustomerIdentity = z.output<typeof customerIdentitySchema>;

/**
 * The upstream ids of a portal user, keyed by the user they belong to (decision 0029). A user's
 * ids never change once signed up (the mapping is written once, at sign-up), so nothing
 * invalidates them and each replica answers them from memory (`immutable`); the bound is the
 * access token's life (15 min), so a user deleted by a failed sign-up cannot be served longer
 * than a token naming them could be.
 */
export const identityRead = cachedRead({
  namespace: "identity",
  key: (userId: string) => userId,
  schema: customerIdentitySchema,
  freshness: { ttlSeconds: 900 },
  // Written once at sign-up and never forgotten: each replica keeps it in memory (no store read
  // on a warm request).
  immutable: true,
});
