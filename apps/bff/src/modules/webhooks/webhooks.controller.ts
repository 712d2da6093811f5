import { Body, Controller, Headers, HttpCode, Logger, Post, UseGuards } from "@nestjs/common";
import { toBillingEvent, type WhmcsWebhookPayload, whmcsWebhookPayloadSchema } from "@portal/whmcs";
import { EventBus } from "../events/event-bus.js";
import { BodyLimit } from "../http/body-limit.js";
import { Public } from "../http/public.decorator.js";
import { ZodPipe } from "../http/zod.pipe.js";
import { billingChangedFrom } from "./billing-changed.js";
import { SeenWebhooks } from "./seen-webhooks.js";
import { WhmcsSignatureGuard } from "./whmcs-signature.guard.js";

/**
 * `/api/webhooks/*`: server-to-server callbacks (no CSRF, no session; signed instead). They only
 * publish what happened on the event bus; the owning feature decides what it means (DESIGN.md §9).
 */
@Controller("webhooks")
export class WebhooksController {
  private readonly logger = new Logger(WebhooksController.name);

  constructor(
    private readonly events: EventBus,
    private readonly seen: SeenWebhooks,
  ) {}

  /**
   * `POST /api/webhooks/whmcs` (docs/architecture/wiring.md "Webhook from the WHMCS hook") → 204
   * once the `BillingChanged` subscribers have run; the same signed request again → 409 CONFLICT.
   */
  @Post("whmcs")
  @HttpCode(204)
  @Public()
  @BodyLimit(16 * 1024)
  @UseGuards(WhmcsSignatureGuard)
  async whmcs(
    @Headers("x-portal-signature") signature: string,
    @Body(new ZodPipe(whmcsWebhookPayloadSchema)) payload: WhmcsWebhookPayload,
  ): Promise<void> {
    await this.seen.once(signature, async () => {
      const event = toBillingEvent(payload);
      this.logger.log({ event }, "WHMCS event received");
      await this.events.publish("BillingChanged", billingChangedFrom(event));
    });
  }
}
