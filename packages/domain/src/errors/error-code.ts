import { z } from "zod";

/**
 * Machine-readable error codes of the API error envelope. The portal branches on these,
 * never on message text. HTTP status for each is fixed in `errorStatus`.
 */
export const errorCodeSchema = z.enum([
  "VALIDATION_FAILED",
  "PAYLOAD_TOO_LARGE",
  "UNAUTHENTICATED",
  "INVALID_CREDENTIALS",
  "ACCOUNT_LOCKED",
  "PASSWORD_INCORRECT",
  "PASSWORD_RESET_TOKEN_INVALID",
  "EMAIL_CHANGE_CODE_INVALID",
  "MFA_CODE_INVALID",
  "MFA_CHALLENGE_EXPIRED",
  "MFA_ALREADY_ENABLED",
  "MFA_NOT_ENABLED",
  "CSRF_INVALID",
  "FORBIDDEN",
  "NOT_FOUND",
  "METHOD_NOT_ALLOWED",
  "SIGNUP_CODE_INVALID",
  "SIGNUP_CODE_EXPIRED",
  "SIGNUP_DETAILS_NOT_MATCHED",
  "ALREADY_REGISTERED",
  "EMAIL_IN_USE",
  "MIGRATION_NOT_AVAILABLE",
  "MIGRATION_TICKET_INVALID",
  "CONFLICT",
  "IDEMPOTENCY_KEY_IN_USE",
  "IDEMPOTENCY_KEY_REUSED",
  "INVOICE_NOT_PAID",
  "ELIGIBILITY_ALREADY_REQUESTED",
  "NOT_ELIGIBLE",
  "PAYMENT_METHOD_REQUIRED",
  "PRODUCT_UNAVAILABLE",
  "RATE_LIMITED",
  "WEBHOOK_SIGNATURE_INVALID",
  "UPSTREAM_UNAVAILABLE",
  "UPSTREAM_ERROR",
  "UPSTREAM_TIMEOUT",
  "INTERNAL",
]);
export type ErrorCode = z.infer<typeof errorCodeSchema>;

/** HTTP status the BFF answers with for each error code. */
export const errorStatus: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  PAYLOAD_TOO_LARGE: 413,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  ACCOUNT_LOCKED: 423,
  /** The signed-in user's password, re-entered to confirm a change, is wrong (field named). */
  PASSWORD_INCORRECT: 400,
  /** The password-reset link is unknown, expired (30 min) or already used (field `token`). */
  PASSWORD_RESET_TOKEN_INVALID: 400,
  /**
   * The e-mail change code is wrong, expired (10 min), used up (5 tries) or there is no pending
   * change (field `code`).
   */
  EMAIL_CHANGE_CODE_INVALID: 400,
  /** A TOTP or recovery code is wrong, expired or already used (field `code`). */
  MFA_CODE_INVALID: 400,
  /** The login's second step has expired, been used, or run out of attempts: sign in again. */
  MFA_CHALLENGE_EXPIRED: 401,
  MFA_ALREADY_ENABLED: 409,
  MFA_NOT_ENABLED: 409,
  CSRF_INVALID: 403,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  /** A method the portal has on no path (TRACE), answered by the portal's server with `Allow`. */
  METHOD_NOT_ALLOWED: 405,
  /** The e-mail verification code of a sign-up is wrong (field `code`; decision 0037). */
  SIGNUP_CODE_INVALID: 400,
  /** No live code for the address: expired, used, tried 5 times, or never sent (field `code`). */
  SIGNUP_CODE_EXPIRED: 400,
  /**
   * The customer number and phone do not prove a contract: unknown number, other phone, or a
   * registered number with a wrong phone — one answer for all (fields `customerNumber`, `phone`).
   */
  SIGNUP_DETAILS_NOT_MATCHED: 400,
  ALREADY_REGISTERED: 409,
  EMAIL_IN_USE: 409,
  /** A valid WHMCS login whose client has no Salesforce Account: support must link it. */
  MIGRATION_NOT_AVAILABLE: 409,
  /** The migration ticket is missing, expired or used: start the migration again. */
  MIGRATION_TICKET_INVALID: 401,
  CONFLICT: 409,
  /** A request with the same `Idempotency-Key` is still being processed (DESIGN.md §9). */
  IDEMPOTENCY_KEY_IN_USE: 409,
  /** The `Idempotency-Key` was already used with a different request (Stripe's semantics). */
  IDEMPOTENCY_KEY_REUSED: 422,
  INVOICE_NOT_PAID: 409,
  /**
   * The fibre eligibility of this address is already being checked, or already known to be
   * eligible: nothing to ask (a different address may be asked; decision 0053).
   */
  ELIGIBILITY_ALREADY_REQUESTED: 409,
  /**
   * Fibre cannot be ordered: the customer's address is not (yet) eligible, or not for the chosen
   * plan's offering type (checkout; decision 0053).
   */
  NOT_ELIGIBLE: 409,
  /**
   * An order needs a usable WHMCS payment method (a card that has not expired, or a bank
   * account) and the customer has none: add one on /billing/payments (DESIGN.md §6 step 1).
   */
  PAYMENT_METHOD_REQUIRED: 409,
  /**
   * A plan, option or fee of the order is no longer offered, or its price changed (field named:
   * `planId`, `addOnIds.1`, …): reload the catalog and choose again (issue 7 "Checkout").
   */
  PRODUCT_UNAVAILABLE: 409,
  RATE_LIMITED: 429,
  WEBHOOK_SIGNATURE_INVALID: 401,
  UPSTREAM_UNAVAILABLE: 503,
  UPSTREAM_ERROR: 502,
  /** The portal's proxy gave up waiting for the BFF. */
  UPSTREAM_TIMEOUT: 504,
  INTERNAL: 500,
};
