import { AppError } from "../http/app-error.js";

/** ALREADY_REGISTERED (409, `fields.customerNumber`): the customer number has a portal user. */
export function alreadyRegistered(): AppError {
  const message = "This customer number already has a portal account. Sign in instead.";
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

/** CUSTOMER_NUMBER_NOT_FOUND (404, `fields.customerNumber`). */
export function customerNumberNotFound(): AppError {
  const message = "We could not find this customer number. Check it against your contract.";
  return new AppError("CUSTOMER_NUMBER_NOT_FOUND", message, {
    fields: { customerNumber: message },
  });
}
