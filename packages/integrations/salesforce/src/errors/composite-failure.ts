import { PROCESSING_HALTED, type RawCompositeSubresponse } from "../raw/composite.js";
import { errorFromRestResponse } from "./rest-error-response.js";
import { type SalesforceError } from "./salesforce-error.js";

/**
 * The error of a Composite answer whose subrequests did not all succeed, or null when every one
 * answered 2xx. The cause is the first subrequest that failed on its own — not one that only
 * reports `PROCESSING_HALTED` (rolled back with the others, or skipped for a failed reference) —
 * translated like any REST error (`rejected` for a 4xx, `unavailable` for 5xx or the daily limit).
 * Source: REST API Developer Guide, "Composite Response Body" (with allOrNone, "all other
 * subrequests return the 400 HTTP status code").
 */
export function compositeFailure(
  operation: string,
  results: readonly RawCompositeSubresponse[],
): SalesforceError | null {
  const failed = results.filter((result) => result.httpStatusCode >= 400);
  if (failed.length === 0) return null;
  const cause = failed.find((result) => !haltedOnly(result.body)) ?? failed[0];
  if (!cause) return null;
  return errorFromRestResponse(operation, cause.httpStatusCode, JSON.stringify(cause.body));
}

function haltedOnly(body: unknown): boolean {
  return (
    Array.isArray(body) &&
    body.length > 0 &&
    body.every(
      (entry) =>
        typeof entry === "object" &&
        entry !== null &&
        (entry as { errorCode?: unknown }).errorCode === PROCESSING_HALTED,
    )
  );
}
