import {
  csrfTokenResponseSchema,
  loginRequestSchema,
  loginResponseSchema,
  sessionSchema,
  signupRequestSchema,
  signupStartRequestSchema,
  signupStartResponseSchema,
} from "@portal/domain";
import { type ApiRoute, apiRoute } from "../openapi/api-route.js";

const tags = ["auth"];

/** `/api/auth/*` as `AuthController` serves it (docs/api.md "Routes"). */
export const authRoutes: readonly ApiRoute[] = [
  apiRoute({
    method: "GET",
    path: "/api/auth/csrf",
    operationId: "getCsrfToken",
    summary: "Get the CSRF token",
    description:
      "Sets (or keeps) the `portal_csrf` cookie and returns its value, to echo in `X-CSRF-Token` on every state-changing request.",
    tags,
    access: "public",
    responses: { 200: csrfTokenResponseSchema },
    errors: [],
  }),
  apiRoute({
    method: "POST",
    path: "/api/auth/signup/start",
    operationId: "startSignup",
    summary: "Send a sign-up verification code",
    description:
      "Mails a 6-digit code to the address, in the customer's language, valid 10 minutes; an earlier code of the address stops working. Answers 202 whether or not the address already has an account. Limited per address (one code a minute, 5 an hour by default) and per client IP (429 with `Retry-After`).",
    tags,
    access: "public",
    request: { body: signupStartRequestSchema },
    responses: { 202: signupStartResponseSchema },
    errors: ["RATE_LIMITED"],
  }),
  apiRoute({
    method: "POST",
    path: "/api/auth/signup",
    operationId: "signup",
    summary: "Sign up with a customer number",
    description:
      "Creates the portal user for an existing customer (Salesforce account) and its WHMCS client, then signs in: session cookies are set. Carries the code mailed by `POST /api/auth/signup/start` and the phone number on the contract: until both check out nothing is created, and an unknown customer number, a wrong phone and a registered number answer alike (`SIGNUP_DETAILS_NOT_MATCHED`). Five refused attempts end the code.",
    tags,
    access: "public",
    request: { body: signupRequestSchema },
    responses: { 201: sessionSchema },
    idempotent: true,
    errors: [
      "SIGNUP_CODE_INVALID",
      "SIGNUP_CODE_EXPIRED",
      "SIGNUP_DETAILS_NOT_MATCHED",
      "ALREADY_REGISTERED",
      "CONFLICT",
      "EMAIL_IN_USE",
      "UPSTREAM_UNAVAILABLE",
      "UPSTREAM_ERROR",
    ],
  }),
  apiRoute({
    method: "POST",
    path: "/api/auth/login",
    operationId: "login",
    summary: "Sign in with email and password",
    description:
      "Sets the session cookies. When the user has two-factor authentication on, answers `{ mfaRequired: true, challengeId, expiresAt }` instead, without cookies: send the code to `POST /api/auth/login/mfa`. Repeated failures lock the account (423, `Retry-After`).",
    tags,
    access: "public",
    request: { body: loginRequestSchema },
    responses: { 200: loginResponseSchema },
    errors: ["INVALID_CREDENTIALS", "ACCOUNT_LOCKED"],
  }),
  apiRoute({
    method: "POST",
    path: "/api/auth/refresh",
    operationId: "refreshSession",
    summary: "Renew the session",
    description:
      "Rotates the refresh token (cookie `portal_rt`) and issues a new access token. Reusing a rotated token revokes the whole family.",
    tags,
    access: "public",
    responses: { 200: sessionSchema },
    errors: ["UNAUTHENTICATED"],
  }),
  apiRoute({
    method: "POST",
    path: "/api/auth/logout",
    operationId: "logout",
    summary: "Sign out",
    description: "Clears the session cookies and revokes the refresh token family.",
    tags,
    access: "public",
    responses: { 204: null },
    errors: [],
  }),
];
