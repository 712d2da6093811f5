import { Injectable, Logger } from "@nestjs/common";
import { type BillingEvent } from "@portal/whmcs";
import { cacheKeys } from "../cache/cache-keys.js";
import { CacheService } from "../cache/cache.service.js";

/**
 * Applies what WHMCS reports (DESIGN.md §5 "busted by WHMCS webhooks"): an invoice event drops the
 * client's cached invoice lists and details, and its payment methods (paying inside WHMCS may save
 * a card); a client edit drops everything cached for the client, profile included.
 */
@Injectable()
export class BillingEventsService {
  private readonly logger = new Logger(BillingEventsService.name);

  constructor(private readonly cache: CacheService) {}

  async apply(event: BillingEvent): Promise<void> {
    this.logger.log({ event }, "WHMCS event received");
    if (event.kind === "client_updated") {
      await this.cache.invalidatePrefix(cacheKeys.billingClient(event.clientId));
      return;
    }
    await this.cache.invalidatePrefix(cacheKeys.invoices(event.clientId));
    await this.cache.invalidate(cacheKeys.paymentMethods(event.clientId));
  }
}
