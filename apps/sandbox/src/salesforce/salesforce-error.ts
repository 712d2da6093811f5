import type { raw } from "@portal/salesforce";

/**
 * An error the Salesforce REST API reports as a JSON array of `{ message, errorCode, fields? }`
 * with an HTTP status. Thrown by handlers and rendered by the Salesforce plugin's error handler.
 * Source: Salesforce REST API Developer Guide, "Status Codes and Error Responses".
 */
export class SalesforceApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly errorCode: string,
    message: string,
    readonly fields?: readonly string[],
  ) {
    super(message);
    this.name = "SalesforceApiError";
  }

  /** The response body: a one-element error array, the integration package's raw error shape. */
  toBody(): raw.RawRestError[] {
    return [
      this.fields === undefined
        ? { message: this.message, errorCode: this.errorCode }
        : { message: this.message, errorCode: this.errorCode, fields: [...this.fields] },
    ];
  }
}

/** 404 for an unknown resource, record or sObject type in a URL. */
export function notFound(): SalesforceApiError {
  return new SalesforceApiError(404, "NOT_FOUND", "The requested resource does not exist");
}

/** 404 for a record that is in the Recycle Bin. */
export function entityIsDeleted(): SalesforceApiError {
  return new SalesforceApiError(404, "ENTITY_IS_DELETED", "entity is deleted");
}
