import {
  loginMfaRequestSchema,
  mfaStatusSchema,
  recoveryCodesSchema,
  sessionSchema,
  totpConfirmRequestSchema,
  totpDisableRequestSchema,
  totpEnrolmentSchema,
} from "@portal/domain";
import { type ApiRoute, apiRoute } from "../openapi/api-route.js";

const tags = ["auth"];

/** TOTP two-factor authentication as `MfaController` serves it (decision 0033). */
export const mfaRoutes: readonly ApiRoute[] = [
  apiRoute({
    method: "GET",
    path: "/api/auth/mfa",
    operationId: "getMfaStatus",
    summary: "Two-factor authentication status",
    tags,
    access: "session",
    responses: { 200: mfaStatusSchema },
    errors: [],
  }),
  apiRoute({
    method: "POST",
    path: "/api/auth/mfa/totp/enrol",
    operationId: "enrolTotp",
    summary: "Start setting up an authenticator app",
    description:
      "A new secret (base32), its `otpauth://` URI and QR code (SVG). Pending until confirmed; a new enrolment replaces a pending one.",
    tags,
    access: "session",
    responses: { 200: totpEnrolmentSchema },
    errors: ["MFA_ALREADY_ENABLED"],
  }),
  apiRoute({
    method: "POST",
    path: "/api/auth/mfa/totp/confirm",
    operationId: "confirmTotp",
    summary: "Turn two-factor authentication on",
    description:
      "Confirms the pending authenticator with a code from it; answers the ten single-use recovery codes, shown this once. Wrong codes count towards the account lockout.",
    tags,
    access: "session",
    request: { body: totpConfirmRequestSchema },
    responses: { 200: recoveryCodesSchema },
    errors: ["MFA_CODE_INVALID", "MFA_NOT_ENABLED", "MFA_ALREADY_ENABLED", "ACCOUNT_LOCKED"],
  }),
  apiRoute({
    method: "POST",
    path: "/api/auth/mfa/totp/disable",
    operationId: "disableTotp",
    summary: "Turn two-factor authentication off",
    description: "Needs the password and a code from the app or a recovery code (then used up).",
    tags,
    access: "session",
    request: { body: totpDisableRequestSchema },
    responses: { 204: null },
    errors: ["PASSWORD_INCORRECT", "MFA_CODE_INVALID", "MFA_NOT_ENABLED", "ACCOUNT_LOCKED"],
  }),
  apiRoute({
    method: "POST",
    path: "/api/auth/login/mfa",
    operationId: "loginMfa",
    summary: "Sign in: the two-factor step",
    description:
      "The code from the app (±30 s, each code once) or a recovery code (used up) for the `challengeId` login answered. The challenge lives 5 minutes and takes 5 wrong codes; wrong codes count towards the account lockout. Sets the session cookies.",
    tags,
    access: "public",
    request: { body: loginMfaRequestSchema },
    responses: { 200: sessionSchema },
    errors: ["MFA_CODE_INVALID", "MFA_CHALLENGE_EXPIRED", "ACCOUNT_LOCKED"],
  }),
];
