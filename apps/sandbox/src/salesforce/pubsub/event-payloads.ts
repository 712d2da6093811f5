import { createHash } from "node:crypto";
import type { ChangeEvent, PlatformEvent } from "../changes/change-event.js";
import type { SfFieldDescriptor } from "../model/sobject-type.js";
import type { SfValue } from "../state/salesforce-state.js";
import type { ChangeEventSchema, ChangeEventSlot, EventSchema } from "./event-schemas.js";
import { encodeFieldBitmap } from "./field-bitmap.js";

const MS_PER_DAY = 24 * 60 * 60 * 1000;

/**
 * A REST value as its Avro field carries it: `datetime` (`…+0000`) → epoch ms, `date`
 * (`YYYY-MM-DD`) → days since 1970-01-01, numbers stay numbers, the rest strings; null stays null.
 */
function avroValue(field: SfFieldDescriptor, value: SfValue | undefined): unknown {
  if (value === null || value === undefined) return null;
  switch (field.type) {
    case "datetime":
      return Date.parse(String(value).replace(/\+0000$/, "Z"));
    case "date":
      return Math.round(Date.parse(`${String(value)}T00:00:00Z`) / MS_PER_DAY);
    case "boolean":
      return value === true;
    case "int":
    case "double":
    case "currency":
      return Number(value);
    default:
      return String(value);
  }
}

/**
 * The value of body slot `slot` in `event`: the field's Avro value; for a compound, its record
 * with each component's value (null for components the change did not set), or null when no
 * component has a value (a CREATE without an address sends `ShippingAddress: null`).
 */
function slotValue(slot: ChangeEventSlot, event: ChangeEvent): unknown {
  if (slot.kind === "field") return avroValue(slot.field, event.fields[slot.field.name]);
  const record = Object.fromEntries(
    slot.compound.components.map((component, at) => {
      const field = slot.components[at];
      return [component.name, field ? avroValue(field, event.fields[field.name]) : null];
    }),
  );
  return Object.values(record).some((value) => value !== null) ? record : null;
}

/**
 * The Avro binary of change event `event` under `schema`: the header with `changedFields` /
 * `nulledFields` as bitmaps over the schema's field positions (compound components as
 * `"<position>-0x…"`) and `diffFields` empty (the sandbox has no large text diffs),
 * `commitNumber` = the replay id; the body with every field the change set, compound fields as
 * nested records, and null for the rest (DELETE: all null). Source: vendor-facts §2.1–2.4.
 */
export function changeEventPayload(schema: ChangeEventSchema, event: ChangeEvent): Buffer {
  return schema.type.toBuffer({
    ChangeEventHeader: {
      entityName: event.entityName,
      recordIds: event.recordIds,
      changeType: event.changeType,
      changeOrigin: event.changeOrigin,
      transactionKey: event.transactionKey,
      sequenceNumber: event.sequenceNumber,
      commitTimestamp: event.commitTimestamp,
      commitNumber: event.replayId,
      commitUser: event.commitUser,
      nulledFields: encodeFieldBitmap(schema.positions, event.nulledFields),
      diffFields: [],
      changedFields: encodeFieldBitmap(schema.positions, event.changedFields),
    },
    ...Object.fromEntries(
      schema.slots.map((slot, index) => [schema.fieldNames[index + 1]!, slotValue(slot, event)]),
    ),
  });
}

/** The Avro binary of platform event `event` under `schema` (custom fields as strings or null). */
export function platformEventPayload(schema: EventSchema, event: PlatformEvent): Buffer {
  return schema.type.toBuffer({
    CreatedDate: event.createdDate,
    CreatedById: event.createdById,
    ...Object.fromEntries(
      schema.fieldNames
        .slice(2)
        .map((name) => [
          name,
          event.fields[name] === undefined ? null : String(event.fields[name]),
        ]),
    ),
  });
}

/**
 * The EventUuid of a change event (`ProducerEvent.id`): a UUID derived from its replay id, so a
 * redelivered event carries the same id (clients deduplicate by it — vendor-facts §1.5, §2.6).
 */
export function changeEventUuid(replayId: number): string {
  const hex = createHash("sha256").update(`change-event:${replayId}`).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
