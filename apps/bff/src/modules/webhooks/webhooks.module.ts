import { Module } from "@nestjs/common";
import { WebhooksController } from "./webhooks.controller.js";
import { WhmcsSignatureGuard } from "./whmcs-signature.guard.js";

/** Signed change notifications from the systems of record, published on the event bus. */
@Module({
  controllers: [WebhooksController],
  providers: [WhmcsSignatureGuard],
})
export class WebhooksModule {}
