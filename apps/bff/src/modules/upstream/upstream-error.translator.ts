import { SalesforceError } from "@portal/salesforce";
import { WhmcsError } from "@portal/whmcs";
import { AppError } from "../http/app-error.js";

/** The customer's words for each upstream system. */
const SYSTEM_NAME = { whmcs: "Billing", salesforce: "Your customer record" } as const;

/**
 * Turns a failure of an upstream client into the error the customer sees, or null when `error`
 * is not an upstream failure. `unavailable` (outage, timeout, 5xx, rate limit) →
 * 503 UPSTREAM_UNAVAILABLE "… is temporarily unavailable. Please try again in a few minutes.";
 * a refused, malformed or unauthorised exchange → 502 UPSTREAM_ERROR. The upstream's own text is
 * never copied into the result (the original stays as `cause`, for the log).
 * Source: docs/api.md; DESIGN.md §7 "A failing upstream gives the user a clear 'try again later'".
 */
export function translateUpstreamError(error: unknown): AppError | null {
  let system: keyof typeof SYSTEM_NAME;
  if (error instanceof WhmcsError) {
    system = "whmcs";
  } else if (error instanceof SalesforceError) {
    system = "salesforce";
  } else {
    return null;
  }
  const name = SYSTEM_NAME[system];
  if (error.kind === "unavailable") {
    return new AppError(
      "UPSTREAM_UNAVAILABLE",
      `${name} is temporarily unavailable. Please try again in a few minutes.`,
      { cause: error },
    );
  }
  return new AppError(
    "UPSTREAM_ERROR",
    `${name} answered in a way we did not expect. Please try again in a few minutes; if it keeps happening, contact support.`,
    { cause: error },
  );
}
