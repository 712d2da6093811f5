/*
 * The raw WHMCS wire schemas, exported as the `raw` namespace for the sandbox (the other side of
 * the wire). Application code uses the client's mapped domain types instead.
 */
export * from "./envelope.js";
export * from "./scalars.js";
export * from "./clients.js";
export * from "./invoices.js";
export * from "./sso.js";
export * from "./validate-login.js";
export * from "./pay-methods.js";
export * from "./payment-gateways.js";
export * from "./system.js";
export * from "./orders.js";
export * from "./products.js";
export type * from "./params.js";
