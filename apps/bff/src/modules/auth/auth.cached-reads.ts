import { customerAccountSchema } from "@portal/domain";
import { cachedRead } from "../cache/cached-read.js";

/**
 * The Salesforce Account of a customer number, as the sign-up and migration forms look it up
 * (null when there is none; no customer data beyond the account link). 30 s keeps the form
 * responsive (DESIGN.md §5); dropped when sign-up or migration changes the Account.
 */
export const customerNumberRead = cachedRead({
  namespace: "customer-number",
  key: (customerNumber: string) => customerNumber,
  schema: customerAccountSchema.nullable(),
  freshness: { ttlSeconds: 30 },
});
