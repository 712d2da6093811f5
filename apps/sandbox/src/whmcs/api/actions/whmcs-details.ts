import type { WhmcsAction } from "../whmcs-action.js";

/** The WHMCS version the sandbox imitates. */
const VERSION = "8.13.1";

/**
 * WhmcsDetails: the installation's version (the portal's health probe).
 * Source: WHMCS/developer-docs api-reference/whmcsdetails.md.
 */
export const whmcsDetails: WhmcsAction = () => ({
  result: "success",
  whmcs: { version: VERSION, canonicalversion: `${VERSION}-release.1` },
});
