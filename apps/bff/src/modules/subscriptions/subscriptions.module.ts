import { Module } from "@nestjs/common";
import { BillingModule } from "../billing/billing.module.js";
import { CatalogModule } from "../catalog/catalog.module.js";
import { IdentityModule } from "../identity/identity.module.js";
import { SubscriptionsCacheInvalidator } from "./subscriptions-cache-invalidator.js";
import { SubscriptionsController } from "./subscriptions.controller.js";
import { SubscriptionsService } from "./subscriptions.service.js";

/**
 * The customer's services (`/api/subscriptions`; decision 0075): WHMCS services named from the
 * catalog, cached per client and dropped on fulfilment progress and paid invoices.
 */
@Module({
  imports: [IdentityModule, BillingModule, CatalogModule],
  controllers: [SubscriptionsController],
  providers: [SubscriptionsService, SubscriptionsCacheInvalidator],
})
export class SubscriptionsModule {}
