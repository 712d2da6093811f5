import { z } from "zod";

/**
 * One committed record change, the Change Data Capture header plus the record's field values,
 * as the Pub/Sub stand-in will serve it:
 * - `replayId`: strictly increasing across the whole log (never reused, even after a reset).
 * - `changeType`: `CREATE`, `UPDATE`, `DELETE` (`UNDELETE` is not produced yet).
 * - `changedFields`: field API names set by the change (`LastModifiedDate` included on updates);
 *   `nulledFields` those set to null.
 * - `commitTimestamp`: epoch milliseconds of the commit.
 * - `transactionKey`: one value per transaction (a REST call, a Composite request with
 *   `allOrNone`, an sObject Tree, a console action); `sequenceNumber` the order within it (from 1).
 * - `fields`: values after the change — every field on CREATE, the changed ones on UPDATE,
 *   none on DELETE (Pub/Sub sends the rest as null).
 * Source: vendor-facts §2.1–2.2 (Change Data Capture Developer Guide, "Change Event Header Fields",
 * "Change Event Body Fields").
 */
export const changeEventSchema = z.object({
  replayId: z.number().int().positive(),
  entityName: z.string(),
  changeType: z.enum(["CREATE", "UPDATE", "DELETE"]),
  recordIds: z.array(z.string()).min(1),
  changedFields: z.array(z.string()),
  nulledFields: z.array(z.string()),
  commitTimestamp: z.number().int(),
  commitUser: z.string(),
  transactionKey: z.string(),
  sequenceNumber: z.number().int().positive(),
  changeOrigin: z.string(),
  fields: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
});
export type ChangeEvent = z.infer<typeof changeEventSchema>;

/**
 * One published platform event (e.g. `Order_Fulfilment_Requested__e`), as the Pub/Sub stand-in
 * serves it on `/event/<eventName>`:
 * - `replayId`: from the same sequence as the change events (replay ids are opaque and need not
 *   be contiguous per channel — vendor-facts §1.5).
 * - `eventUuid`: the event's UUID (`ProducerEvent.id` in Pub/Sub; not an Avro field — §2.6).
 * - `createdDate`: epoch milliseconds (the schema's `CreatedDate`); `createdById` the publishing user.
 * - `fields`: the custom fields (`…__c`) with their values.
 */
export const platformEventSchema = z.object({
  replayId: z.number().int().positive(),
  eventName: z.string().regex(/__e$/),
  eventUuid: z.uuid(),
  createdDate: z.number().int(),
  createdById: z.string(),
  fields: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
});
export type PlatformEvent = z.infer<typeof platformEventSchema>;

/**
 * The persisted log: the next replay id to hand out, the retained change events and platform
 * events, each oldest first.
 */
export const changeLogSchema = z.object({
  nextReplayId: z.number().int().positive(),
  events: z.array(changeEventSchema),
  platformEvents: z.array(platformEventSchema),
});
export type ChangeLog = z.infer<typeof changeLogSchema>;

/**
 * How long events are kept by default: Salesforce retains change and platform events for 72
 * hours (`SANDBOX_PUBSUB_RETENTION_HOURS` shortens it). Source: vendor-facts §1.5.
 */
export const CHANGE_RETENTION_MS = 72 * 60 * 60 * 1000;
