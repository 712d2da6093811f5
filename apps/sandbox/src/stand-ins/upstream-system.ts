/**
 * The upstream systems the sandbox stands in for, in console order. A new stand-in (Pub/Sub,
 * Freebit, the mail server) adds its name here, its fault dialect to `faults/fault-dialects.ts`
 * and its stand-in to `stand-ins/registry.ts`; the type system then asks for every piece.
 */
export const UPSTREAM_SYSTEMS = ["whmcs", "salesforce", "freebit"] as const;

/** One of `UPSTREAM_SYSTEMS`. */
export type UpstreamSystem = (typeof UPSTREAM_SYSTEMS)[number];
