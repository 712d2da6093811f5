export { SalesforceClient } from "./client/salesforce-client.js";
export type {
  SalesforceClientConfig,
  SalesforceLogger,
} from "./client/salesforce-client-config.js";
export type { AccountPortalLink } from "./mappers/account-portal-link.js";
export {
  SalesforceError,
  type SalesforceErrorKind,
  type SalesforceErrorDetails,
} from "./errors/salesforce-error.js";
export { loadPrivateKey } from "./auth/load-private-key.js";
