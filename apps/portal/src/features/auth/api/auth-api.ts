import { sessionSchema, type LoginRequest, type Session, type SignupRequest } from "@portal/domain";
import { apiRequest } from "@/lib/api/client";

/**
 * `POST /api/auth/login`: sets the session cookies and returns the session.
 * @throws ApiClientError `INVALID_CREDENTIALS` (401), `ACCOUNT_LOCKED` (423, `retryAfterSeconds`),
 *   `RATE_LIMITED` (429), `VALIDATION_FAILED` (400), upstream errors (502/503).
 */
export function login(body: LoginRequest): Promise<Session> {
  return apiRequest("/auth/login", { method: "POST", body, schema: sessionSchema });
}

/**
 * `POST /api/auth/signup`: creates the portal user for an existing customer number, signs in.
 * @throws ApiClientError `CUSTOMER_NUMBER_NOT_FOUND` (404), `ALREADY_REGISTERED` or `EMAIL_IN_USE`
 *   (409, with `fields`), `VALIDATION_FAILED` (400, `fields`), `RATE_LIMITED`, upstream errors.
 */
export function signup(body: SignupRequest): Promise<Session> {
  return apiRequest("/auth/signup", { method: "POST", body, schema: sessionSchema });
}

/** `POST /api/auth/logout`: clears the cookies and revokes the refresh-token family (204). */
export function logout(): Promise<void> {
  return apiRequest("/auth/logout", { method: "POST" });
}
