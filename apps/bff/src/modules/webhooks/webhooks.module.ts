import { Module } from "@nestjs/common";
import { BillingEventsService } from "./billing-events.service.js";
import { SeenWebhooks } from "./seen-webhooks.js";
import { WebhooksController } from "./webhooks.controller.js";
import { WhmcsSignatureGuard } from "./whmcs-signature.guard.js";

/** Signed change notifications from the systems of record, each accepted once. */
@Module({
  controllers: [WebhooksController],
  providers: [BillingEventsService, SeenWebhooks, WhmcsSignatureGuard],
})
export class WebhooksModule {}
