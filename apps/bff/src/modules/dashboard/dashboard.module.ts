import { Module } from "@nestjs/common";
import { BillingModule } from "../billing/billing.module.js";
import { IdentityModule } from "../identity/identity.module.js";
import { DashboardController } from "./dashboard.controller.js";
import { DashboardService } from "./dashboard.service.js";

/**
 * The dashboard summary, composed from what the feature modules export (the user's ids from
 * `identity`; billing profile, unpaid invoices and payment methods from `billing`); owns no data.
 */
@Module({
  imports: [IdentityModule, BillingModule],
  controllers: [DashboardController],
  providers: [DashboardService],
})
export class DashboardModule {}
