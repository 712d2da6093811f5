import {
  emailChangeStartedSchema,
  type EmailChangeConfirmRequest,
  type EmailChangeRequest,
  type EmailChangeStarted,
} from "@portal/domain";
import { apiRequest } from "@/lib/api/client";
import { idempotencyKeyFor } from "@/lib/api/idempotency-key";

/**
 * `POST /api/me/email`: sends a 6-digit code to the new address (decision 0042).
 * @throws ApiClientError `PASSWORD_INCORRECT` (400, `fields.currentPassword`),
 *   `VALIDATION_FAILED` (400, `fields`), `ACCOUNT_LOCKED` (423).
 */
export function startEmailChange(body: EmailChangeRequest): Promise<EmailChangeStarted> {
  return apiRequest("/me/email", { method: "POST", body, schema: emailChangeStartedSchema });
}

/**
 * `POST /api/me/email/confirm`: makes the change (WHMCS, then the portal login). `body` is the
 * submitted object: its `Idempotency-Key` is the same on every retry.
 * @throws ApiClientError `EMAIL_CHANGE_CODE_INVALID` (400, `fields.code`), `EMAIL_IN_USE` (409),
 *   upstream errors (502/503: nothing changed, the code still works).
 */
export function confirmEmailChange(body: EmailChangeConfirmRequest): Promise<void> {
  return apiRequest("/me/email/confirm", {
    method: "POST",
    body,
    idempotencyKey: idempotencyKeyFor(body),
  });
}
