import {
  UpstreamError,
  type UpstreamErrorDetails,
  type UpstreamErrorKind,
} from "@portal/integration-core";

/**
 * The only error `@portal/salesforce` throws from its client methods: an `UpstreamError` of system
 * `salesforce`. `operation` is the client operation (`"findAccountByCustomerNumber"`, `"signIn"`),
 * `vendorCode` the REST `errorCode` or OAuth `error` (`INVALID_SESSION_ID`, `invalid_grant`),
 * `vendorMessage` Salesforce's own `message` / `error_description` (for logs only). Kinds:
 * - `unavailable`: Salesforce could not be reached or answered 5xx/429, the call timed out, or the
 *   org's daily API request limit is spent (`vendorCode: "REQUEST_LIMIT_EXCEEDED"`).
 * - `rejected`: Salesforce refused the request (4xx such as `NOT_FOUND`, `MALFORMED_QUERY`,
 *   `FIELD_CUSTOM_VALIDATION_EXCEPTION`), or the client refused to send it because an argument is not
 *   a valid customer number or record Id.
 * - `malformed`: a success response that is not the documented shape, or data the portal cannot use
 *   (e.g. one customer number on two Accounts).
 * - `auth`: the JWT bearer sign-in failed or the integration user lacks access (401/403).
 * REST failures arrive as arrays of `{ message, errorCode, fields }`; the first entry is kept.
 * Source: Salesforce REST API Developer Guide, "Status Codes and Error Responses"
 * (https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/errorcodes.htm).
 */
export class SalesforceError extends UpstreamError {
  override readonly name = "SalesforceError";

  constructor(kind: UpstreamErrorKind, operation: string, details: UpstreamErrorDetails = {}) {
    super({ system: "salesforce", kind, operation, ...details });
  }
}
