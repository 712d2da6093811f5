import { AppError } from "../http/app-error.js";

/**
 * ALREADY_REGISTERED (409, `fields.customerNumber`): the customer number has a portal user. Only
 * ever answered once the request proved the contract (decision 0037).
 */
export function alreadyRegistered(): AppError {
  const message =
    "This customer number already has a portal account. Sign in, or reset your password if you forgot it.";
  return new AppError("ALREADY_REGISTERED", message, { fields: { customerNumber: message } });
}

/** CONFLICT (409, `fields.customerNumber`): another sign-up for the number is under way. */
export function signupInProgress(): AppError {
  const message =
    "A sign-up for this customer number is already in progress. Please try again in a minute.";
  return new AppError("CONFLICT", message, { fields: { customerNumber: message } });
}

/** EMAIL_IN_USE (409, `fields.email`): a portal user already has the email. */
export function emailInUse(): AppError {
  const message = "This email address is already used by a portal account.";
  return new AppError("EMAIL_IN_USE", message, { fields: { email: message } });
}

/**
 * SIGNUP_DETAILS_NOT_MATCHED (400, `fields.customerNumber` and `fields.phone`): the customer number
 * and phone do not prove a contract. One answer for an unknown number, a wrong phone and a
 * registered number with a wrong phone, so a stranger cannot tell them apart (decision 0037).
 */
export function signupDetailsNotMatched(): AppError {
  const message =
    "The customer number and phone number do not match our records. Check them against your contract.";
  return new AppError("SIGNUP_DETAILS_NOT_MATCHED", message, {
    fields: { customerNumber: message, phone: message },
  });
}

/** SIGNUP_CODE_INVALID (400, `fields.code`): the e-mailed code is not this one. */
export function signupCodeInvalid(): AppError {
  const message = "This code is not the one we sent. Check the latest e-mail and try again.";
  return new AppError("SIGNUP_CODE_INVALID", message, { fields: { code: message } });
}

/**
 * SIGNUP_CODE_EXPIRED (400, `fields.code`): the address has no live code — it expired, was used,
 * was tried too often, or was never sent.
 */
export function signupCodeExpired(): AppError {
  const message = "This code has expired or was tried too many times. Ask for a new code.";
  return new AppError("SIGNUP_CODE_EXPIRED", message, { fields: { code: message } });
}

/** RATE_LIMITED (429) with `Retry-After`: too many codes asked for this address or from this IP. */
export function signupCodesRateLimited(msLeft: number): AppError {
  const seconds = Math.max(1, Math.ceil(msLeft / 1000));
  return new AppError(
    "RATE_LIMITED",
    `Too many codes were asked for. Please wait ${seconds} seconds and try again.`,
    { headers: { "retry-after": String(seconds) } },
  );
}
