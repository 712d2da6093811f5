import {
  loginResponseSchema,
  sessionSchema,
  type LoginMfaRequest,
  type LoginRequest,
  type LoginResponse,
  type Session,
  type SignupRequest,
  type SignupStartRequest,
  type SignupStartResponse,
  signupStartResponseSchema,
} from "@portal/domain";
import { apiRequest } from "@/lib/api/client";
import { idempotencyKeyFor } from "@/lib/api/idempotency-key";

/**
 * `POST /api/auth/login`: sets the session cookies and returns the session — or, when the user has
 * two-factor authentication on, `{ mfaRequired, challengeId }` and no cookies (decision 0033).
 * @throws ApiClientError `INVALID_CREDENTIALS` (401), `ACCOUNT_LOCKED` (423, `retryAfterSeconds`),
 *   `RATE_LIMITED` (429), `VALIDATION_FAILED` (400), upstream errors (502/503).
 */
export function login(body: LoginRequest): Promise<LoginResponse> {
  return apiRequest("/auth/login", { method: "POST", body, schema: loginResponseSchema });
}

/**
 * `POST /api/auth/login/mfa`: the second step, with a code from the app or a recovery code.
 * @throws ApiClientError `MFA_CODE_INVALID` (400), `MFA_CHALLENGE_EXPIRED` (401),
 *   `ACCOUNT_LOCKED` (423), `RATE_LIMITED`, `VALIDATION_FAILED`.
 */
export function loginMfa(body: LoginMfaRequest): Promise<Session> {
  return apiRequest("/auth/login/mfa", { method: "POST", body, schema: sessionSchema });
}

/**
 * `POST /api/auth/signup/start`: mails a sign-up code to the address (202, the same answer
 * whether or not it has an account; decision 0037).
 * @throws ApiClientError `RATE_LIMITED` (429, `retryAfterSeconds`), `VALIDATION_FAILED` (400).
 */
export function startSignup(body: SignupStartRequest): Promise<SignupStartResponse> {
  return apiRequest("/auth/signup/start", {
    method: "POST",
    body,
    schema: signupStartResponseSchema,
  });
}

/**
 * `POST /api/auth/signup`: creates the portal user for an existing customer number, signs in.
 * `body` is the submitted object: its `Idempotency-Key` is the same on every retry of that submit.
 * @throws ApiClientError `SIGNUP_CODE_INVALID` / `SIGNUP_CODE_EXPIRED` (400, `fields.code`),
 *   `SIGNUP_DETAILS_NOT_MATCHED` (400, `fields.customerNumber` and `fields.phone`),
 *   `ALREADY_REGISTERED` or `EMAIL_IN_USE` (409, with `fields`), `VALIDATION_FAILED` (400,
 *   `fields`), `IDEMPOTENCY_KEY_IN_USE` (409), `RATE_LIMITED`, upstream errors.
 */
export function signup(body: SignupRequest): Promise<Session> {
  return apiRequest("/auth/signup", {
    method: "POST",
    body,
    schema: sessionSchema,
    idempotencyKey: idempotencyKeyFor(body),
  });
}

/** `POST /api/auth/logout`: clears the cookies and revokes the refresh-token family (204). */
export function logout(): Promise<void> {
  return apiRequest("/auth/logout", { method: "POST" });
}
