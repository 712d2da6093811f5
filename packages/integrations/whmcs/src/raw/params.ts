/**
 * Action parameters of one WHMCS External API call, form-encoded after the credentials.
 * `undefined` values are left out. WHMCS booleans are sent as the string `"true"` because PHP
 * treats any non-empty string (even `"false"`) as true: leave a flag out to mean false.
 * Source: WHMCS/developer-docs api-reference/addclient.md ("Pass as true").
 */
export type WhmcsParams = Readonly<Record<string, string | number | undefined>>;
