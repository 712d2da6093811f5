import { Module } from "@nestjs/common";
import { IdentityModule } from "../identity/identity.module.js";
import { BillingCacheInvalidator } from "./billing-cache-invalidator.js";
import { BillingProfileService } from "./billing-profile.service.js";
import { BillingController } from "./billing.controller.js";
import { InvoicePdfService } from "./invoice-pdf.service.js";
import { InvoicesService } from "./invoices.service.js";
import { PaymentMethodsController } from "./payment-methods.controller.js";
import { PaymentMethodsService } from "./payment-methods.service.js";

/**
 * Invoices, their PDFs (invoice and receipt), payment methods and the shop's gateways, SSO links
 * (paying an invoice, managing payment methods) and the client
 * profile (WHMCS), cached as `billing.cached-reads.ts` declares; exports the invoice, payment-method
 * and profile services to the account and dashboard modules. Drops its cached copies on
 * `BillingChanged`.
 */
@Module({
  imports: [IdentityModule],
  controllers: [BillingController, PaymentMethodsController],
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
