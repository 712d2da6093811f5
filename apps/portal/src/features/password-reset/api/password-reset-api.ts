import { type PasswordForgotRequest, type PasswordResetRequest } from "@portal/domain";
import { apiRequest } from "@/lib/api/client";

/**
 * `POST /api/auth/password/forgot` → 202 whatever the address (decision 0041).
 * @throws ApiClientError `VALIDATION_FAILED` (400, `fields.email`), `RATE_LIMITED` (429).
 */
export function requestPasswordReset(body: PasswordForgotRequest): Promise<void> {
  return apiRequest("/auth/password/forgot", { method: "POST", body });
}

/**
 * `POST /api/auth/password/reset` → 204; every session of the account ends.
 * @throws ApiClientError `PASSWORD_RESET_TOKEN_INVALID` (400), `VALIDATION_FAILED` (400, `fields`).
 */
export function resetPassword(body: PasswordResetRequest): Promise<void> {
  return apiRequest("/auth/password/reset", { method: "POST", body });
}
