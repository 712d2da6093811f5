import { Injectable, type OnModuleDestroy, type OnModuleInit } from "@nestjs/common";
import { CacheService } from "../cache/cache.service.js";
import { type AppEvents } from "../events/app-events.js";
import { EventBus } from "../events/event-bus.js";
import { eligibilityTags } from "./eligibility.cached-reads.js";

/**
 * Eligibility's answer to `EligibilityChanged` (DESIGN.md §5 "per-account eligibility
 * invalidated on change"): drops the Account's cached eligibility, so the next read sees staff's
 * answer.
 */
@Injectable()
export class EligibilityCacheInvalidator implements OnModuleInit, OnModuleDestroy {
  private unsubscribe: (() => void) | undefined;

  constructor(
    private readonly events: EventBus,
    private readonly cache: CacheService,
  ) {}

  onModuleInit(): void {
    this.unsubscribe = this.events.subscribe("EligibilityChanged", (event) => this.drop(event));
  }

  onModuleDestroy(): void {
    this.unsubscribe?.();
  }

  /** Drops the cached eligibility of the event's Account. */
  async drop(event: AppEvents["EligibilityChanged"]): Promise<void> {
    await this.cache.invalidateTag(eligibilityTags.account(event.sfAccountId));
  }
}
