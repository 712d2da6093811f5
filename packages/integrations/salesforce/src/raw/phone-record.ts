import { z } from "zod";
import { recordAttributesSchema } from "./record-attributes.js";

/**
 * An Account or Contact query record holding only the standard `Phone` field (empty → `null`).
 * Source: Salesforce Object Reference, "Account" and "Contact" (`Phone`, type phone).
 */
export const rawPhoneRecordSchema = z.object({
  attributes: recordAttributesSchema,
  Phone: z.string().nullable(),
});
/** A validated `Phone`-only record. */
export type RawPhoneRecord = z.infer<typeof rawPhoneRecordSchema>;
