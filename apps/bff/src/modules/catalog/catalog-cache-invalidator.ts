import { Injectable, type OnModuleDestroy, type OnModuleInit } from "@nestjs/common";
import { CacheService } from "../cache/cache.service.js";
import { EventBus } from "../events/event-bus.js";
import { catalogTag } from "./catalog.cached-reads.js";

/**
 * The catalog's answer to `CatalogChanged` (DESIGN.md §5 "catalog: event-driven"): any product,
 * price book or price change drops every cached catalog read, so the next request reads
 * Salesforce again. The publisher is the Change Data Capture subscriber (Product2ChangeEvent,
 * PricebookEntryChangeEvent) once it exists; until then the 15-minute TTL bounds staleness.
 */
@Injectable()
export class CatalogCacheInvalidator implements OnModuleInit, OnModuleDestroy {
  private unsubscribe: (() => void) | undefined;

  constructor(
    private readonly events: EventBus,
    private readonly cache: CacheService,
  ) {}

  onModuleInit(): void {
    this.unsubscribe = this.events.subscribe("CatalogChanged", () =>
      this.cache.invalidateTag(catalogTag),
    );
  }

  onModuleDestroy(): void {
    this.unsubscribe?.();
  }
}
