import { ORDER } from "../model/order.js";
import { ORDER_FULFILMENT_REQUESTED } from "../model/order-fulfilment-requested.js";
import { ORDER_ITEM } from "../model/order-item.js";
import { PRICEBOOK_ENTRY } from "../model/pricebook-entry.js";
import { PRODUCT2 } from "../model/product2.js";
import type { SObjectRecords } from "../model/sobject-records.js";
import type { SObjectDescriptor } from "../model/sobject-type.js";
import type { PlatformEventDescriptor } from "../model/order-fulfilment-requested.js";
import { changeEventSchema, platformEventSchema, type EventSchema } from "./event-schemas.js";
import { changeEventPayload, changeEventUuid, platformEventPayload } from "./event-payloads.js";

/** One event of a topic, ready for a `ConsumerEvent`. */
export interface TopicEvent {
  readonly replayId: number;
  /** EventUuid (`ProducerEvent.id`). */
  readonly id: string;
  /** Avro binary under the topic's schema. */
  readonly payload: Buffer;
}

/** A channel the stand-in serves: its name, schema and the retained events on it. */
export interface PubSubTopic {
  /** Case-sensitive channel name, e.g. `/data/OrderChangeEvent`. */
  readonly name: string;
  readonly schema: EventSchema;
  /**
   * The first `limit` of the topic's events with a replay id above `afterReplayId` committed
   * after `cutoffMs` (epoch ms; older ones are outside the retention window), oldest first.
   */
  events(
    records: SObjectRecords,
    afterReplayId: number,
    cutoffMs: number,
    limit: number,
  ): TopicEvent[];
}

function changeEventTopic(type: SObjectDescriptor): PubSubTopic {
  const schema = changeEventSchema(type);
  return {
    name: `/data/${type.name}ChangeEvent`,
    schema,
    events: (records, afterReplayId, cutoffMs, limit) =>
      records
        .changes(afterReplayId)
        .filter((event) => event.entityName === type.name && event.commitTimestamp > cutoffMs)
        .slice(0, limit)
        .map((event) => ({
          replayId: event.replayId,
          id: changeEventUuid(event.replayId),
          payload: changeEventPayload(schema, event),
        })),
  };
}

function platformEventTopic(descriptor: PlatformEventDescriptor): PubSubTopic {
  const schema = platformEventSchema(descriptor);
  return {
    name: `/event/${descriptor.name}`,
    schema,
    events: (records, afterReplayId, cutoffMs, limit) =>
      records
        .platformEvents(afterReplayId)
        .filter((event) => event.eventName === descriptor.name && event.createdDate > cutoffMs)
        .slice(0, limit)
        .map((event) => ({
          replayId: event.replayId,
          id: event.eventUuid,
          payload: platformEventPayload(schema, event),
        })),
  };
}

/**
 * The channels the Pub/Sub stand-in serves, by name: Change Data Capture of Order, OrderItem,
 * Product2 and PricebookEntry (`/data/<Object>ChangeEvent`) and the platform event
 * `/event/Order_Fulfilment_Requested__e`. Source: vendor-facts §2.5; issue 8.
 */
export const PUBSUB_TOPICS: ReadonlyMap<string, PubSubTopic> = new Map(
  [
    ...[ORDER, ORDER_ITEM, PRODUCT2, PRICEBOOK_ENTRY].map(changeEventTopic),
    platformEventTopic(ORDER_FULFILMENT_REQUESTED),
  ].map((topic) => [topic.name, topic]),
);
