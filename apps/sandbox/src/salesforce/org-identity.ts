/**
 * Ids of the sandbox's Salesforce org and its integration user, used in access tokens and in the
 * token response's identity URL (`<login>/id/<org id>/<user id>`, which jsforce splits to learn
 * both). 18-character ids with a valid case suffix.
 */
export const ORG_ID = "00D5g000000DEMOEA4";
/** The integration user the JWT bearer flow signs in (see `ORG_ID`). */
export const INTEGRATION_USER_ID = "0055g000000DEMOAA4";

/**
 * The integration user's time zone (the identity URL reports it) and its fixed offset from UTC in
 * milliseconds; Japan keeps no daylight saving time. SOQL date literals (`TODAY`, `THIS_MONTH`…)
 * are days of this zone.
 */
export const INTEGRATION_USER_TIME_ZONE = "Asia/Tokyo";
export const INTEGRATION_USER_UTC_OFFSET_MS = 9 * 60 * 60 * 1000;
