import { z } from "zod";

/**
 * The `changeType` values of Change Data Capture: record changes, gap events (header only; the
 * record must be re-read) and the overflow event of a transaction past 100,000 changes (no record
 * ids); `SNAPSHOT` is reserved. Source: vendor-facts §2.1.
 */
export const CHANGE_TYPES = [
  "CREATE",
  "UPDATE",
  "DELETE",
  "UNDELETE",
  "GAP_CREATE",
  "GAP_UPDATE",
  "GAP_DELETE",
  "GAP_UNDELETE",
  "GAP_OVERFLOW",
  "SNAPSHOT",
] as const;

/**
 * `ChangeEventHeader` of a Change Data Capture event as Avro decodes it from a Pub/Sub payload
 * (field 0 of every `<Object>ChangeEvent` schema): `commitTimestamp` epoch milliseconds (a
 * bigint: Avro `long`), the field lists as bitmaps (`0x…`, decoded with the schema).
 * `commitNumber` (diagnostic, may pass 2^53) and `commitUser` are not read.
 * Source: vendor-facts §2.1, §2.3, §2.4.
 */
export const changeEventHeaderSchema = z.object({
  entityName: z.string().min(1),
  recordIds: z.array(z.string()),
  changeType: z.enum(CHANGE_TYPES),
  changeOrigin: z.string(),
  transactionKey: z.string(),
  sequenceNumber: z.number().int(),
  commitTimestamp: z.bigint(),
  nulledFields: z.array(z.string()),
  diffFields: z.array(z.string()),
  changedFields: z.array(z.string()),
});
/** A decoded `ChangeEventHeader`. */
export type RawChangeEventHeader = z.infer<typeof changeEventHeaderSchema>;
