import {
  accountSessionListSchema,
  endedSessionsSchema,
  mfaStatusSchema,
  recoveryCodesSchema,
  securityActivitySchema,
  totpEnrolmentSchema,
  type AccountSession,
  type MfaStatus,
  type PasswordChangeRequest,
  type RecoveryCodes,
  type SecurityEvent,
  type TotpDisableRequest,
  type TotpEnrolment,
} from "@portal/domain";
import { apiRequest } from "@/lib/api/client";

/** Query keys of the security settings. */
export const accountSecurityKeys = {
  all: ["account-security"] as const,
  sessions: () => [...accountSecurityKeys.all, "sessions"] as const,
  activity: () => [...accountSecurityKeys.all, "activity"] as const,
  mfa: () => [...accountSecurityKeys.all, "mfa"] as const,
};

/** `POST /api/auth/password/change` (204). @throws ApiClientError `PASSWORD_INCORRECT`, `ACCOUNT_LOCKED`, `VALIDATION_FAILED`. */
export function changePassword(body: PasswordChangeRequest): Promise<void> {
  return apiRequest("/auth/password/change", { method: "POST", body });
}

/** `GET /api/auth/sessions`: the signed-in sessions, the current one marked. */
export async function fetchSessions(signal?: AbortSignal): Promise<AccountSession[]> {
  return (await apiRequest("/auth/sessions", { schema: accountSessionListSchema, signal }))
    .sessions;
}

/** `DELETE /api/auth/sessions/:id` (204). @throws ApiClientError `NOT_FOUND` when already ended. */
export function endSession(id: string): Promise<void> {
  return apiRequest(`/auth/sessions/${encodeURIComponent(id)}`, { method: "DELETE" });
}

/** `POST /api/auth/sessions/end-others`: how many sessions ended. */
export async function endOtherSessions(): Promise<number> {
  return (
    await apiRequest("/auth/sessions/end-others", { method: "POST", schema: endedSessionsSchema })
  ).ended;
}

/** `GET /api/auth/activity`: the last 50 security events, newest first. */
export async function fetchActivity(signal?: AbortSignal): Promise<SecurityEvent[]> {
  return (await apiRequest("/auth/activity", { schema: securityActivitySchema, signal })).events;
}

/** `GET /api/auth/mfa`: whether 2FA is on. */
export function fetchMfaStatus(signal?: AbortSignal): Promise<MfaStatus> {
  return apiRequest("/auth/mfa", { schema: mfaStatusSchema, signal });
}

/** `POST /api/auth/mfa/totp/enrol`: a pending secret with its QR code. */
export function enrolTotp(): Promise<TotpEnrolment> {
  return apiRequest("/auth/mfa/totp/enrol", { method: "POST", schema: totpEnrolmentSchema });
}

/** `POST /api/auth/mfa/totp/confirm`: the recovery codes. @throws ApiClientError `MFA_CODE_INVALID`. */
export function confirmTotp(code: string): Promise<RecoveryCodes> {
  return apiRequest("/auth/mfa/totp/confirm", {
    method: "POST",
    body: { code },
    schema: recoveryCodesSchema,
  });
}

/** `POST /api/auth/mfa/totp/disable` (204). @throws ApiClientError `PASSWORD_INCORRECT`, `MFA_CODE_INVALID`. */
export function disableTotp(body: TotpDisableRequest): Promise<void> {
  return apiRequest("/auth/mfa/totp/disable", { method: "POST", body });
}
