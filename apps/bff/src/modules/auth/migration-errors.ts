import { AppError } from "../http/app-error.js";

/**
 * MIGRATION_NOT_AVAILABLE (409): the WHMCS login is right but no Salesforce Account names its
 * client (`WH_Account__c`), so the portal cannot tell which customer it belongs to; support
 * links it by hand.
 */
export function migrationNotAvailable(): AppError {
  return new AppError(
    "MIGRATION_NOT_AVAILABLE",
    "We could not match this billing account to a customer. Please contact support.",
  );
}

/** MIGRATION_TICKET_INVALID (401): no ticket, or an expired or used one; start again. */
export function migrationTicketInvalid(): AppError {
  return new AppError(
    "MIGRATION_TICKET_INVALID",
    "Your confirmation has expired or was already used. Sign in with your old billing portal details again.",
  );
}

/** ALREADY_REGISTERED (409): the customer behind this billing account has a portal user. */
export function migrationAlreadyRegistered(): AppError {
  return new AppError(
    "ALREADY_REGISTERED",
    "This billing account already has a portal account. Sign in instead.",
  );
}
