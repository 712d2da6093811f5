/**
 * Whether two Salesforce record Ids name the same record: an 18-character Id is the
 * case-sensitive 15-character Id plus a case-insensitive checksum, so the first 15 characters
 * decide. Source: Salesforce Help, "What are Salesforce IDs composed of?".
 */
export function sameRecordId(a: string, b: string): boolean {
  return a.length >= 15 && b.length >= 15 && a.slice(0, 15) === b.slice(0, 15);
}
