import { eligibilitySchema, type Eligibility, type EligibilityRequest } from "@portal/domain";
import { apiRequest } from "@/lib/api/client";
import { idempotencyKeyFor } from "@/lib/api/idempotency-key";

/**
 * `GET /api/eligibility`: whether fibre internet is available at the customer's address.
 * @throws ApiClientError `UNAUTHENTICATED`; upstream errors (502/503).
 */
export function fetchEligibility(signal?: AbortSignal): Promise<Eligibility> {
  return apiRequest("/eligibility", { schema: eligibilitySchema, signal });
}

/**
 * `POST /api/eligibility`: asks staff to check `body.address` (or the address on file). `body`
 * is the submitted object: its `Idempotency-Key` is the same on every retry, so a retry opens no
 * second request.
 * @throws ApiClientError `VALIDATION_FAILED` (400, `fields` such as `address.postcode`),
 *   `ELIGIBILITY_ALREADY_REQUESTED` (409), upstream errors (502/503: nothing was asked).
 */
export function requestEligibility(body: EligibilityRequest): Promise<Eligibility> {
  return apiRequest("/eligibility", {
    method: "POST",
    body,
    schema: eligibilitySchema,
    idempotencyKey: idempotencyKeyFor(body),
  });
}
