/**
 * The admin note AddClient stores on portal-created clients, naming the customer number so staff
 * can match the WHMCS client to the Salesforce account (`SF_Account_No__c`), and so a signup retry
 * can tell a client it created itself from someone else's client with the same email.
 */
export function customerNumberNote(customerNumber: string): string {
  return `Portal customer number: ${customerNumber}`;
}

const NOTE_PATTERN = /(?:^|\n)Portal customer number: (\d+)(?:\r?\n|$)/;

/**
 * Reads back the customer number written by {@link customerNumberNote} from a client's `notes`;
 * null when the portal did not create the client (no such line).
 */
export function customerNumberFromNote(notes: string | undefined): string | null {
  return notes ? (NOTE_PATTERN.exec(notes)?.[1] ?? null) : null;
}
