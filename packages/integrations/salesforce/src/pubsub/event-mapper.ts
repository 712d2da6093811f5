import { SalesforceError } from "../errors/salesforce-error.js";
import { toActivationStatus, toOrderStatus } from "../mappers/order.js";
import { changeEventHeaderSchema } from "../raw/change-event-header.js";
import { type EventSchema } from "./event-schema.js";
import { decodeFieldBitmaps } from "./field-bitmap.js";
import { type PubSubEvent } from "./pubsub-event.js";

/** The platform event the org publishes when an Order becomes `Approved` (decision 0063). */
const ORDER_FULFILMENT_REQUESTED = "Order_Fulfilment_Requested__e";

/** Where an event came from: its topic, replay id (hex) and event id. */
export interface EventOrigin {
  topic: string;
  replayId: string;
  eventId: string;
}

/**
 * Maps one decoded Avro record of `schema` to a {@link PubSubEvent}: a Change Data Capture
 * event from its `ChangeEventHeader` (bitmaps decoded to names; for `Order` the `Status`,
 * `Activation_Status__c` and `AccountId` values the body carries), `Order_Fulfilment_Requested__e`
 * from `Order_Id__c`/`Account_Id__c`/`CreatedDate`, any other platform event by name.
 * Source: vendor-facts §2.
 * @throws SalesforceError `malformed` (operation `subscribe`) when the record is not that shape.
 */
export function toPubSubEvent(
  origin: EventOrigin,
  schema: EventSchema,
  record: Record<string, unknown>,
): PubSubEvent {
  if (schema.isChangeEvent) {
    const header = changeEventHeaderSchema.safeParse(record.ChangeEventHeader);
    if (!header.success) {
      throw malformed(`${schema.name} has no valid ChangeEventHeader`, header.error);
    }
    const { data } = header;
    return {
      ...origin,
      kind: "change",
      entity: data.entityName,
      changeType: data.changeType,
      recordIds: data.recordIds,
      changedFields: decodeFieldBitmaps(data.changedFields, schema.fields),
      nulledFields: decodeFieldBitmaps(data.nulledFields, schema.fields),
      commitTimestamp: isoOf(data.commitTimestamp),
      transactionKey: data.transactionKey,
      sequenceNumber: data.sequenceNumber,
      changeOrigin: data.changeOrigin,
      order:
        data.entityName === "Order"
          ? {
              status: mapped(record.Status, toOrderStatus),
              activationStatus: mapped(record.Activation_Status__c, toActivationStatus),
              accountId: text(record.AccountId),
            }
          : null,
    };
  }
  const createdAt = typeof record.CreatedDate === "bigint" ? isoOf(record.CreatedDate) : null;
  if (createdAt === null) throw malformed(`${schema.name} has no CreatedDate`);
  if (schema.name === ORDER_FULFILMENT_REQUESTED) {
    const orderId = text(record.Order_Id__c);
    if (orderId === null) throw malformed(`${schema.name} has no Order_Id__c`);
    return {
      ...origin,
      kind: "orderFulfilmentRequested",
      orderId,
      accountId: text(record.Account_Id__c),
      createdAt,
    };
  }
  return { ...origin, kind: "platformEvent", name: schema.name, createdAt };
}

/** A non-empty string value of the body, else null (not carried). */
function text(value: unknown): string | null {
  return typeof value === "string" && value !== "" ? value : null;
}

function mapped<T>(value: unknown, map: (value: string) => T): T | null {
  const raw = text(value);
  return raw === null ? null : map(raw);
}

/** Epoch milliseconds (Avro long) → ISO 8601 UTC. */
function isoOf(epochMs: bigint): string {
  return new Date(Number(epochMs)).toISOString();
}

function malformed(message: string, cause?: unknown): SalesforceError {
  return new SalesforceError("malformed", "subscribe", { message, cause });
}
