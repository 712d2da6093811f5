/*
 * The raw Salesforce wire schemas (REST records, query results, errors, OAuth token endpoint),
 * exported as the `raw` namespace for the sandbox (the other side of the wire), as `@portal/whmcs`
 * does. Application code uses the client's mapped domain types instead.
 */
export * from "./account.js";
export * from "./case.js";
export * from "./contact.js";
export * from "./limits.js";
export * from "./oauth-error.js";
export * from "./phone-record.js";
export * from "./pricebook-entry.js";
export * from "./product.js";
export * from "./query-result.js";
export * from "./record-attributes.js";
export * from "./record-created.js";
export * from "./rest-error.js";
export * from "./salesforce-id.js";
export * from "./token-response.js";
export * from "./order.js";
export * from "./composite.js";
export * from "./change-event-header.js";
