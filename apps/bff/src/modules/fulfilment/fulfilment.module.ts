import { Module } from "@nestjs/common";
import { IdentityModule } from "../identity/identity.module.js";
import { MailModule } from "../mail/mail.module.js";
import { FulfilmentProgress } from "./fulfilment-progress.js";
import { FulfilmentService } from "./fulfilment.service.js";
import { FulfilmentWorkflow } from "./fulfilment-workflow.js";

/**
 * Fulfilment of approved Salesforce Orders (DESIGN.md §6; issue 8): the `order.fulfil` job, the
 * `order.fulfilment` workflow and how its progress reaches Salesforce, the event bus, the cache and
 * the customer. Exports {@link FulfilmentService} (the subscriber's hand-off and the operators'
 * dead-letter queue).
 */
@Module({
  imports: [IdentityModule, MailModule],
  providers: [FulfilmentProgress, FulfilmentWorkflow, FulfilmentService],
  exports: [FulfilmentService],
})
export class FulfilmentModule {}
