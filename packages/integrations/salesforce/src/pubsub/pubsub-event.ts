import { type ActivationStatus, type OrderStatus } from "@portal/domain";
import { type CHANGE_TYPES } from "../raw/change-event-header.js";

/** A Change Data Capture `changeType` (vendor-facts §2.1). */
export type ChangeType = (typeof CHANGE_TYPES)[number];

/** What every event of a subscription carries. */
interface PubSubEventBase {
  /** The topic it came on (`/data/OrderChangeEvent`). */
  topic: string;
  /** Its replay id, hex of the opaque bytes (`replayIdToHex`): store it to resume after it. */
  replayId: string;
  /**
   * The event's UUID (`ProducerEvent.id`, the EventUuid): the same on a redelivery, unlike the
   * replay id across org migrations (vendor-facts §1.5).
   */
  eventId: string;
}

/**
 * The fields of an Order change the portal acts on, from the event body: null when the body does
 * not carry them (an UPDATE carries the changed fields only; a DELETE or gap event none).
 */
export interface OrderChangeValues {
  /** `Status`, mapped (`Approved` → `approved`). */
  status: OrderStatus | null;
  /** `Activation_Status__c`, mapped (`Activating` → `activating`). */
  activationStatus: ActivationStatus | null;
  /** `AccountId`: the Account the Order belongs to. */
  accountId: string | null;
}

/**
 * A Change Data Capture event (`/data/<Object>ChangeEvent`), from its `ChangeEventHeader`: the
 * object (`entity`: `Order`, `Product2`…), what happened, the records (usually one; several when
 * one change hit many; none for `GAP_OVERFLOW`), the changed and nulled field names (decoded from
 * the bitmaps), the commit time (ISO 8601 UTC) and the transaction it belongs to (`transactionKey`,
 * `sequenceNumber` 1, 2… within it). `order` holds the Order's values when `entity` is `Order`.
 * Source: vendor-facts §2.1–2.3.
 */
export interface ChangeEvent extends PubSubEventBase {
  kind: "change";
  entity: string;
  changeType: ChangeType;
  recordIds: readonly string[];
  changedFields: readonly string[];
  nulledFields: readonly string[];
  commitTimestamp: string;
  transactionKey: string;
  sequenceNumber: number;
  /** `com/salesforce/api/<api>/<version>;client=<id>` for API changes, else empty. */
  changeOrigin: string;
  order: OrderChangeValues | null;
}

/**
 * The platform event `Order_Fulfilment_Requested__e`, which the org publishes when an Order
 * becomes `Approved` (decision 0063): the Order (`Order_Id__c`), its Account (`Account_Id__c`,
 * null when absent) and when it was published (ISO 8601 UTC).
 */
export interface OrderFulfilmentRequestedEvent extends PubSubEventBase {
  kind: "orderFulfilmentRequested";
  orderId: string;
  accountId: string | null;
  createdAt: string;
}

/** A platform event the portal has no mapping for: its name (`My_Event__e`) and publish time. */
export interface OtherPlatformEvent extends PubSubEventBase {
  kind: "platformEvent";
  name: string;
  createdAt: string;
}

/**
 * An event that does not decode with its schema or lacks what its kind must carry (`reason` says
 * what): delivered, not thrown, so the subscriber can record it and move past it instead of
 * receiving it again for ever (review finding), and `receivedAt` (ISO 8601 UTC) stands for its time.
 */
export interface UnreadableEvent extends PubSubEventBase {
  kind: "unreadable";
  reason: string;
  receivedAt: string;
}

/** An event of a Pub/Sub subscription, decoded and mapped; Avro payloads stop in the package. */
export type PubSubEvent =
  ChangeEvent | OrderFulfilmentRequestedEvent | OtherPlatformEvent | UnreadableEvent;
