import { Module } from "@nestjs/common";
import { BillingModule } from "../billing/billing.module.js";
import { CatalogModule } from "../catalog/catalog.module.js";
import { EligibilityModule } from "../eligibility/eligibility.module.js";
import { IdentityModule } from "../identity/identity.module.js";
import { CheckoutService } from "./checkout.service.js";
import { OrderStreamsService } from "./order-streams.service.js";
import { OrderUpdates } from "./order-updates.js";
import { OrdersCacheInvalidator } from "./orders-cache-invalidator.js";
import { OrdersController } from "./orders.controller.js";
import { OrdersService } from "./orders.service.js";

/**
 * Checkout and orders (`/api/orders`; decision 0058): placing an order as one Salesforce Order
 * with its items (`CheckoutService`, checked against the live catalog, eligibility and the WHMCS
 * payment methods), and the customer's orders read from Salesforce, cached per Account until
 * invalidated (`orders.cached-reads.ts`). Drops its cached copies on `OrderChanged`; streams
 * changes to open pages as server-sent events, relayed between replicas through Redis
 * (`OrderStreamsService`, `OrderUpdates`; decision 0071). Exports `OrdersService` for the
 * dashboard.
 */
@Module({
  imports: [IdentityModule, BillingModule, CatalogModule, EligibilityModule],
  controllers: [OrdersController],
  providers: [
    OrdersService,
    CheckoutService,
    OrdersCacheInvalidator,
    OrderUpdates,
    OrderStreamsService,
  ],
  exports: [OrdersService],
})
export class OrdersModule {}
