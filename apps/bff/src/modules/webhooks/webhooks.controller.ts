import { Body, Controller, HttpCode, Logger, Post, UseGuards } from "@nestjs/common";
import { toBillingEvent, type WhmcsWebhookPayload, whmcsWebhookPayloadSchema } from "@portal/whmcs";
import { EventBus } from "../events/event-bus.js";
import { ZodPipe } from "../http/zod.pipe.js";
import { billingChangedFrom } from "./billing-changed.js";
import { WhmcsSignatureGuard } from "./whmcs-signature.guard.js";

/**
 * `/api/webhooks/*`: server-to-server callbacks (no CSRF, no session; signed instead). They only
 * publish what happened on the event bus; the owning feature decides what it means (DESIGN.md §9).
 */
@Controller("webhooks")
export class WebhooksController {
  private readonly logger = new Logger(WebhooksController.name);

  constructor(private readonly events: EventBus) {}

  /**
   * `POST /api/webhooks/whmcs` (docs/architecture/wiring.md "Webhook from the WHMCS hook") → 204
   * once the `BillingChanged` subscribers have run.
   */
  @Post("whmcs")
  @HttpCode(204)
  @UseGuards(WhmcsSignatureGuard)
  async whmcs(
    @Body(new ZodPipe(whmcsWebhookPayloadSchema)) payload: WhmcsWebhookPayload,
  ): Promise<void> {
    const event = toBillingEvent(payload);
    this.logger.log({ event }, "WHMCS event received");
    await this.events.publish("BillingChanged", billingChangedFrom(event));
  }
}
