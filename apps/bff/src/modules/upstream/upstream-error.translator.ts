import { UpstreamError, type UpstreamSystem } from "@portal/integration-core";
import { AppError } from "../http/app-error.js";

/** The customer's words for each upstream system. */
const SYSTEM_NAME: Record<UpstreamSystem, string> = {
  whmcs: "Billing",
  salesforce: "Your customer record",
  freebit: "Mobile services",
};

/**
 * Turns a failure of an upstream client into the error the customer sees, or null when `error`
 * is not an upstream failure. One rule for every system (`UpstreamError` of
 * @portal/integration-core): `unavailable` (outage, timeout, 5xx, rate limit) →
 * 503 UPSTREAM_UNAVAILABLE "… is temporarily unavailable. Please try again in a few minutes.";
 * `rejected`, `malformed` or `auth` → 502 UPSTREAM_ERROR. The upstream's own text is never copied
 * into the result (the original stays as `cause`, for the log).
 * Source: docs/api.md; DESIGN.md §7 "A failing upstream gives the user a clear 'try again later'".
 */
export function translateUpstreamError(error: unknown): AppError | null {
  if (!(error instanceof UpstreamError)) {
    return null;
  }
  const name = SYSTEM_NAME[error.system];
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
