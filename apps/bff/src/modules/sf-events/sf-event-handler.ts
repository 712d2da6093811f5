import { Injectable, Logger } from "@nestjs/common";
import { type ChangeEvent, type PubSubEvent, SalesforceClient } from "@portal/salesforce";
import { LRUCache } from "lru-cache";
import { type AppEvents } from "../events/app-events.js";
import { EventBus } from "../events/event-bus.js";
import { OrderFulfilmentRequests } from "./order-fulfilment-requests.js";
import { UnprocessableEventError } from "./unprocessable-event.js";

/** The catalog objects whose changes drop the cached catalog (`CatalogChanged`). */
const CATALOG_OBJECTS = new Set<string>(["Product2", "Pricebook2", "PricebookEntry"]);

/** Orders whose Account is remembered, so Order updates (which do not carry it) rarely re-read it. */
const ORDER_ACCOUNTS_MAX = 10_000;

/**
 * What one Salesforce event means to the portal (DESIGN.md §6 steps 3 and 5, §5 "Caches"); each
 * resolves once its durable effect is done, and repeating it is harmless (events come at least
 * once, in any order):
 * - `Order_Fulfilment_Requested__e`, and an Order change whose `Status` became `Approved` →
 *   `OrderFulfilmentRequests.request(orderId)`;
 * - any Order change → `OrderChanged { reason: "updated" }` for its Account (taken from the event,
 *   else read through the Salesforce client and remembered);
 * - an Order gap event (`GAP_*`: what changed is unknown) → the Order is read again: `OrderChanged`,
 *   and a fulfilment request when it is approved and not yet activated;
 * - Product2 / Pricebook2 / PricebookEntry changes, gap and overflow events included → `CatalogChanged`;
 * - an Order `GAP_OVERFLOW` (no record ids: a transaction of over 100,000 changes) → logged as an
 *   error: the Accounts it touched cannot be named, so their cached orders (kept until invalidated)
 *   stay as they are until their next change; approvals still arrive as platform events;
 * - an event that cannot be read → `UnprocessableEventError` (the subscriber records it and moves on);
 * - anything else → nothing.
 * @throws the Salesforce client's or the fulfilment request's error: the event is then not
 *   acknowledged (its replay id is not stored) and comes again after the subscriber reconnects.
 */
@Injectable()
export class SfEventHandler {
  private readonly logger = new Logger(SfEventHandler.name);
  private readonly orderAccounts = new LRUCache<string, string>({ max: ORDER_ACCOUNTS_MAX });

  constructor(
    private readonly fulfilment: OrderFulfilmentRequests,
    private readonly events: EventBus,
    private readonly salesforce: SalesforceClient,
  ) {}

  async handle(event: PubSubEvent): Promise<void> {
    switch (event.kind) {
      case "orderFulfilmentRequested":
        if (event.accountId !== null) this.orderAccounts.set(event.orderId, event.accountId);
        return this.fulfilment.request(event.orderId);
      case "change":
        if (event.entity === "Order") return this.orderChanged(event);
        if (CATALOG_OBJECTS.has(event.entity)) {
          return this.events.publish("CatalogChanged", {
            sobject: event.entity as AppEvents["CatalogChanged"]["sobject"],
            recordIds: event.recordIds,
          });
        }
        return;
      case "platformEvent":
        return;
      case "unreadable":
        throw new UnprocessableEventError(`Unreadable event: ${event.reason}`);
    }
  }

  private async orderChanged(event: ChangeEvent): Promise<void> {
    if (event.changeType === "GAP_OVERFLOW") {
      this.logger.error(
        { topic: event.topic, transactionKey: event.transactionKey },
        "Order changes overflowed (GAP_OVERFLOW): the Accounts' cached orders were not dropped",
      );
      return;
    }
    const values = event.order;
    for (const orderId of event.recordIds) {
      if (event.changeType.startsWith("GAP_")) {
        await this.orderGap(orderId);
        continue;
      }
      const approved =
        values?.status === "approved" &&
        (event.changeType === "CREATE" || event.changedFields.includes("Status"));
      if (approved) await this.fulfilment.request(orderId);
      const accountId = values?.accountId ?? (await this.accountOf(orderId));
      if (accountId === null) {
        this.logger.debug({ orderId }, "Changed Order no longer readable; nothing to invalidate");
        continue;
      }
      this.orderAccounts.set(orderId, accountId);
      await this.events.publish("OrderChanged", {
        sfAccountId: accountId,
        orderId,
        reason: "updated",
      });
    }
  }

  /** A gap event: the Order is read again and handled as it now stands. */
  private async orderGap(orderId: string): Promise<void> {
    const found = await this.salesforce.orders.get(orderId);
    if (found === null) return;
    const { accountId, order } = found;
    this.orderAccounts.set(orderId, accountId);
    if (order.status === "approved" && order.activationStatus !== "activated") {
      await this.fulfilment.request(orderId);
    }
    await this.events.publish("OrderChanged", {
      sfAccountId: accountId,
      orderId,
      reason: "updated",
    });
  }

  /** The Account of Order `orderId`: remembered, else read; null when the Order is gone. */
  private async accountOf(orderId: string): Promise<string | null> {
    const known = this.orderAccounts.get(orderId);
    if (known !== undefined) return known;
    return this.salesforce.orders.accountOf(orderId);
  }
}
