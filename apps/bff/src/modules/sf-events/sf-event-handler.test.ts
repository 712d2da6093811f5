import { type ChangeEvent, type SalesforceClient } from "@portal/salesforce";
import { describe, expect, it } from "vitest";
import { type AppEvents } from "../events/app-events.js";
import { EventBus } from "../events/event-bus.js";
import { OrderFulfilmentRequests } from "./order-fulfilment-requests.js";
import { SfEventHandler } from "./sf-event-handler.js";

const ORDER = "801000000000001AAA";
const ACCOUNT = "001000000000001AAA";

class RecordingFulfilment extends OrderFulfilmentRequests {
  readonly orderIds: string[] = [];
  request(orderId: string): Promise<void> {
    this.orderIds.push(orderId);
    return Promise.resolve();
  }
}

/**
 * A Salesforce client whose `orders.get` and `orders.accountOf` answer from `orders` and record
 * their reads (`get:<id>`, `accountOf:<id>`).
 */
function fakeSalesforce(orders: Record<string, { status: string; activationStatus: string }>) {
  const reads: string[] = [];
  const client = {
    orders: {
      get: (orderId: string) => {
        reads.push(`get:${orderId}`);
        const order = orders[orderId];
        return Promise.resolve(order ? { accountId: ACCOUNT, order } : null);
      },
      accountOf: (orderId: string) => {
        reads.push(`accountOf:${orderId}`);
        return Promise.resolve(orders[orderId] ? ACCOUNT : null);
      },
    },
  } as unknown as SalesforceClient;
  return { client, reads };
}

function orderChange(overrides: Partial<ChangeEvent>): ChangeEvent {
  return {
    kind: "change",
    topic: "/data/OrderChangeEvent",
    replayId: "01",
    eventId: "uuid",
    entity: "Order",
    changeType: "UPDATE",
    recordIds: [ORDER],
    changedFields: ["LastModifiedDate", "Status"],
    nulledFields: [],
    commitTimestamp: "2026-03-31T03:00:00.000Z",
    transactionKey: "tx",
    sequenceNumber: 1,
    changeOrigin: "",
    order: { status: "approved", activationStatus: null, accountId: null },
    ...overrides,
  };
}

function setUp(orders: Record<string, { status: string; activationStatus: string }> = {}) {
  const fulfilment = new RecordingFulfilment();
  const events = new EventBus();
  const published: { name: string; payload: unknown }[] = [];
  for (const name of ["OrderChanged", "CatalogChanged"] as const) {
    events.subscribe(name, (payload: AppEvents[typeof name]) => {
      published.push({ name, payload });
    });
  }
  const salesforce = fakeSalesforce(orders);
  const handler = new SfEventHandler(fulfilment, events, salesforce.client);
  return { handler, fulfilment, published, reads: salesforce.reads };
}

describe("SfEventHandler", () => {
  it("requests fulfilment for the platform event and for an Order whose Status became Approved, and reports the Order changed for its Account", async () => {
    const { handler, fulfilment, published, reads } = setUp({
      [ORDER]: { status: "approved", activationStatus: "not_started" },
    });
    await handler.handle({
      kind: "orderFulfilmentRequested",
      topic: "/event/Order_Fulfilment_Requested__e",
      replayId: "02",
      eventId: "uuid",
      orderId: ORDER,
      accountId: ACCOUNT,
      createdAt: "2026-03-31T03:00:00.000Z",
    });
    await handler.handle(orderChange({}));
    expect(fulfilment.orderIds).toEqual([ORDER, ORDER]);
    expect(published).toEqual([
      {
        name: "OrderChanged",
        payload: { sfAccountId: ACCOUNT, orderId: ORDER, reason: "updated" },
      },
    ]);
    // The platform event named the Account: no read was needed.
    expect(reads).toEqual([]);
  });

  it("reads the Account of an Order update that does not carry it, once, and requests nothing when Status did not change", async () => {
    const { handler, fulfilment, published, reads } = setUp({
      [ORDER]: { status: "approved", activationStatus: "activating" },
    });
    const activating = orderChange({
      changedFields: ["Activation_Status__c", "LastModifiedDate"],
      order: { status: null, activationStatus: "activating", accountId: null },
    });
    await handler.handle(activating);
    await handler.handle({ ...activating, replayId: "03" });
    expect(fulfilment.orderIds).toEqual([]);
    expect(reads).toEqual([`accountOf:${ORDER}`]);
    expect(published).toHaveLength(2);
  });

  it("re-reads an Order named by a gap event and requests fulfilment when it is approved and not activated", async () => {
    const { handler, fulfilment, published, reads } = setUp({
      [ORDER]: { status: "approved", activationStatus: "not_started" },
    });
    await handler.handle(orderChange({ changeType: "GAP_UPDATE", changedFields: [], order: null }));
    expect(reads).toEqual([`get:${ORDER}`]);
    expect(fulfilment.orderIds).toEqual([ORDER]);
    expect(published).toEqual([
      {
        name: "OrderChanged",
        payload: { sfAccountId: ACCOUNT, orderId: ORDER, reason: "updated" },
      },
    ]);
  });

  it("drops the catalog on any Product2 or PricebookEntry change, gap and overflow included; an Order overflow does nothing it cannot target", async () => {
    const { handler, fulfilment, published, reads } = setUp();
    await handler.handle(
      orderChange({ entity: "Product2", changeType: "GAP_OVERFLOW", recordIds: [], order: null }),
    );
    await handler.handle(
      orderChange({ entity: "PricebookEntry", recordIds: ["01u000000000001AAA"], order: null }),
    );
    await handler.handle(orderChange({ changeType: "GAP_OVERFLOW", recordIds: [], order: null }));
    expect(published).toEqual([
      { name: "CatalogChanged", payload: { sobject: "Product2", recordIds: [] } },
      {
        name: "CatalogChanged",
        payload: { sobject: "PricebookEntry", recordIds: ["01u000000000001AAA"] },
      },
    ]);
    expect(fulfilment.orderIds).toEqual([]);
    expect(reads).toEqual([]);
  });

  it("lets a failed fulfilment request reach the subscriber (so the event is not acknowledged)", async () => {
    const failing = new SfEventHandler(
      new (class extends OrderFulfilmentRequests {
        request(): Promise<void> {
          return Promise.reject(new Error("queue down"));
        }
      })(),
      new EventBus(),
      fakeSalesforce({}).client,
    );
    await expect(failing.handle(orderChange({}))).rejects.toThrow("queue down");
  });
});
