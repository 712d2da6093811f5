import { Injectable, type OnModuleDestroy, type OnModuleInit } from "@nestjs/common";
import { CacheService } from "../cache/cache.service.js";
import { EventBus } from "../events/event-bus.js";
import { subscriptionsTags } from "./subscriptions.cached-reads.js";

/**
 * Drops a client's cached services when they change (DESIGN.md §5 "subscriptions: busted by WHMCS
 * webhooks and profile updates"; §6 "caches of that account's … subscriptions are invalidated"):
 * on `FulfillmentProgressed` (fulfilment created or activated services) and on a paid invoice
 * (`BillingChanged` `invoice_paid`: WHMCS may activate or unsuspend a service on payment). A
 * client change reaches them through the billing client's tag (`BillingCacheInvalidator`).
 */
@Injectable()
export class SubscriptionsCacheInvalidator implements OnModuleInit, OnModuleDestroy {
  private readonly unsubscribes: (() => void)[] = [];

  constructor(
    private readonly events: EventBus,
    private readonly cache: CacheService,
  ) {}

  onModuleInit(): void {
    this.unsubscribes.push(
      this.events.subscribe("FulfillmentProgressed", (event) => this.drop(event.whmcsClientId)),
      this.events.subscribe("BillingChanged", (event) =>
        event.reason === "invoice_paid" ? this.drop(event.whmcsClientId) : undefined,
      ),
    );
  }

  onModuleDestroy(): void {
    for (const unsubscribe of this.unsubscribes.splice(0)) unsubscribe();
  }

  /** Drops the cached services of WHMCS client `clientId` (null: not known yet, nothing cached). */
  async drop(clientId: number | null): Promise<void> {
    if (clientId !== null) {
      await this.cache.invalidateTag(subscriptionsTags.client(clientId));
    }
  }
}
