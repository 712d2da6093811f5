import { Body, Controller, Headers, HttpCode, Post, UseGuards } from "@nestjs/common";
import { toBillingEvent, type WhmcsWebhookPayload, whmcsWebhookPayloadSchema } from "@portal/whmcs";
import { BodyLimit } from "../http/body-limit.js";
import { Public } from "../http/public.decorator.js";
import { ZodPipe } from "../http/zod.pipe.js";
import { BillingEventsService } from "./billing-events.service.js";
import { SeenWebhooks } from "./seen-webhooks.js";
import { WhmcsSignatureGuard } from "./whmcs-signature.guard.js";

/** `/api/webhooks/*`: server-to-server callbacks (no CSRF, no session; signed instead). */
@Controller("webhooks")
export class WebhooksController {
  constructor(
    private readonly billingEvents: BillingEventsService,
    private readonly seen: SeenWebhooks,
  ) {}

  /**
   * `POST /api/webhooks/whmcs` (docs/architecture/wiring.md "Webhook from the WHMCS hook") → 204;
   * the same signed request again → 409 CONFLICT.
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
    await this.seen.once(signature, () => this.billingEvents.apply(toBillingEvent(payload)));
  }
}
