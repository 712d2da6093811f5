import { Module } from "@nestjs/common";
import { IdentityModule } from "../identity/identity.module.js";
import { BillingCacheInvalidator } from "./billing-cache-invalidator.js";
import { BillingProfileService } from "./billing-profile.service.js";
import { BillingController } from "./billing.controller.js";
import { InvoicePdfService } from "./invoice-pdf.service.js";
import { InvoicesService } from "./invoices.service.js";
import { PaymentMethodsService } from "./payment-methods.service.js";

/**
 * Invoices, their PDFs (invoice and receipt), payment methods and SSO payment links (WHMCS);
 * exports the invoice and payment-method services to the dashboard. Drops its cached copies on
 * `BillingChanged`.
 */
@Module({
  imports: [IdentityModule],
  controllers: [BillingController],
  providers: [
    InvoicesService,
    InvoicePdfService,
    PaymentMethodsService,
    BillingProfileService,
    BillingCacheInvalidator,
  ],
  exports: [InvoicesService, PaymentMethodsService, BillingProfileService],
})
export class BillingModule {}
