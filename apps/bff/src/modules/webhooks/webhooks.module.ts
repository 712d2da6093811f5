import { Module } from "@nestjs/common";
import { SeenWebhooks } from "./seen-webhooks.js";
import { WebhooksController } from "./webhooks.controller.js";
import { WhmcsSignatureGuard } from "./whmcs-signature.guard.js";

/** Signed change notifications from the systems of record, each accepted once and published on the event bus. */
@Module({
  controllers: [WebhooksController],
  providers: [SeenWebhooks, WhmcsSignatureGuard],
})
export class WebhooksModule {}
