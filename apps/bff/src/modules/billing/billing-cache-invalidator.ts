import { Injectable, type OnModuleDestroy, type OnModuleInit } from "@nestjs/common";
import { CacheService } from "../cache/cache.service.js";
import { type AppEvents } from "../events/app-events.js";
import { EventBus } from "../events/event-bus.js";
import { billingTags } from "./billing.cached-reads.js";

/**
 * Billing's answer to `BillingChanged` (DESIGN.md §5 "busted by WHMCS webhooks"): an invoice
 * change drops the client's cached invoice lists and details, and its payment methods (paying
 * inside WHMCS may save a card); a pay-method change drops the payment methods only; a client
 * edit drops everything cached for the client, profile included.
 */
@Injectable()
export class BillingCacheInvalidator implements OnModuleInit, OnModuleDestroy {
  private unsubscribe: (() => void) | undefined;

  constructor(
    private readonly events: EventBus,
    private readonly cache: CacheService,
  ) {}

  onModuleInit(): void {
    this.unsubscribe = this.events.subscribe("BillingChanged", (event) => this.drop(event));
  }

  onModuleDestroy(): void {
    this.unsubscribe?.();
  }

  /** Drops what `event` makes stale. */
  async drop(event: AppEvents["BillingChanged"]): Promise<void> {
    if (event.reason === "client_updated") {
      await this.cache.invalidateTag(billingTags.client(event.whmcsClientId));
      return;
    }
    if (event.reason === "pay_methods_changed") {
      await this.cache.invalidateTag(billingTags.paymentMethods(event.whmcsClientId));
      return;
    }
    await this.cache.invalidateTag(billingTags.invoices(event.whmcsClientId));
    await this.cache.invalidateTag(billingTags.paymentMethods(event.whmcsClientId));
  }
}
