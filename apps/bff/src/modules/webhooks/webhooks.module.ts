import { Module } from "@nestjs/common";
import { BillingEventsService } from "./billing-events.service.js";
import { WebhooksController } from "./webhooks.controller.js";
import { WhmcsSignatureGuard } from "./whmcs-signature.guard.js";

/** Signed change notifications from the systems of record. */
@Module({
  controllers: [WebhooksController],
  providers: [BillingEventsService, WhmcsSignatureGuard],
})
export class WebhooksModule {}
