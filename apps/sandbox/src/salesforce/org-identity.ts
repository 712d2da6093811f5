/**
 * Ids of the sandbox's Salesforce org and its integration user, used in access tokens and in the
 * token response's identity URL (`<login>/id/<org id>/<user id>`, which jsforce splits to learn
 * both). 18-character ids with a valid case suffix.
 */
export const ORG_ID = "00D5g000000DEMOEA4";
/** The integration user the JWT bearer flow signs in (see `ORG_ID`). */
export const INTEGRATION_USER_ID = "0055g000000DEMOAA4";
