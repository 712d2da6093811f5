import { Injectable, type OnModuleDestroy, type OnModuleInit } from "@nestjs/common";
import { CacheService } from "../cache/cache.service.js";
import { type AppEvents } from "../events/app-events.js";
import { EventBus } from "../events/event-bus.js";
import { ordersTags } from "./orders.cached-reads.js";

/**
 * Orders' answer to `OrderChanged` (DESIGN.md §5 "orders: event-driven … invalidated on our own
 * writes and on provisioning"): drops the Account's cached orders, so the next read sees the
 * change. Checkout drops them itself before it publishes; the Change Data Capture subscriber and
 * fulfilment publish when they land.
 */
@Injectable()
export class OrdersCacheInvalidator implements OnModuleInit, OnModuleDestroy {
  private unsubscribe: (() => void) | undefined;

  constructor(
    private readonly events: EventBus,
    private readonly cache: CacheService,
  ) {}

  onModuleInit(): void {
    this.unsubscribe = this.events.subscribe("OrderChanged", (event) => this.drop(event));
  }

  onModuleDestroy(): void {
    this.unsubscribe?.();
  }

  /** Drops the cached orders of the event's Account. */
  async drop(event: AppEvents["OrderChanged"]): Promise<void> {
    await this.cache.invalidateTag(ordersTags.account(event.sfAccountId));
  }
}
