/**
 * Reads the WHMCS client id kept in the Account text field `WH_Account__c`: a positive integer written
 * in decimal digits (surrounding spaces tolerated), else null — an empty field means "not linked yet",
 * and anything else cannot name a WHMCS client. Source: DESIGN.md §4; WHMCS client ids are positive
 * integers (WHMCS API reference, GetClientsDetails `clientid`).
 */
export function toBillingClientId(value: string | null): number | null {
  const digits = value?.trim() ?? "";
  if (!/^\d+$/.test(digits)) return null;
  const id = Number(digits);
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}
