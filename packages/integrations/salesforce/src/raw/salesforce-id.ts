import { z } from "zod";

/**
 * A Salesforce record Id: 15 characters (case-sensitive) or 18 characters (case-insensitive, with a
 * 3-character checksum suffix), letters and digits only. Checking the format before a call keeps
 * caller input out of SOQL and URL paths.
 * Source: Salesforce Help, "What is a Salesforce ID?" / REST API Developer Guide, "Working with Record Ids".
 */
export const salesforceIdSchema = z.string().regex(/^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/);
