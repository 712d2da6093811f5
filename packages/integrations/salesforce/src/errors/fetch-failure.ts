import { SalesforceError } from "./salesforce-error.js";

/**
 * Translates a rejected `fetch` (no HTTP response: DNS, refused or reset connection, TLS, or the
 * request's `AbortSignal.timeout` firing) into an `unavailable` `SalesforceError`.
 * `target` names what was being called, for the message (e.g. `"token endpoint"`).
 */
export function fetchFailure(operation: string, error: unknown, target: string): SalesforceError {
  const timedOut = error instanceof Error && error.name === "TimeoutError";
  const message = timedOut ? `Salesforce ${target} timed out` : `Salesforce ${target} unreachable`;
  return new SalesforceError("unavailable", operation, { message, cause: error });
}
