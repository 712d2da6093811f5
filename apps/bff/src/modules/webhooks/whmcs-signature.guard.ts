import {
  type CanActivate,
  type ExecutionContext,
  Inject,
  Injectable,
  Logger,
  type RawBodyRequest,
} from "@nestjs/common";
import { verifyWebhookSignature } from "@portal/whmcs";
import { type FastifyRequest } from "fastify";
import { APP_CONFIG } from "../config/config.module.js";
import { type AppConfig } from "../config/config.schema.js";
import { AppError } from "../http/app-error.js";

/**
 * Admits only webhooks signed by our WHMCS hook: HMAC-SHA256 over `"<timestamp>.<raw body>"` with
 * WHMCS_WEBHOOK_SECRET, timestamp within WEBHOOK_REPLAY_WINDOW_SECONDS (decision 0004;
 * `verifyWebhookSignature` of `@portal/whmcs`). Runs before body validation, so an unsigned
 * request learns nothing about the payload format. Refusals are logged as warnings.
 * @throws AppError WEBHOOK_SIGNATURE_INVALID (401).
 */
@Injectable()
export class WhmcsSignatureGuard implements CanActivate {
  private readonly logger = new Logger(WhmcsSignatureGuard.name);

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<RawBodyRequest<FastifyRequest>>();
    const result = verifyWebhookSignature({
      rawBody: request.rawBody?.toString("utf8") ?? "",
      timestamp: header(request, "x-portal-timestamp"),
      signature: header(request, "x-portal-signature"),
      secret: this.config.whmcs.webhookSecret,
      nowSeconds: Math.floor(Date.now() / 1000),
      windowSeconds: this.config.webhooks.replayWindowSeconds,
    });
    if (!result.ok) {
      this.logger.warn(
        { reason: result.reason, ip: request.ip },
        "Rejected a WHMCS webhook with an invalid signature",
      );
      throw new AppError(
        "WEBHOOK_SIGNATURE_INVALID",
        "The webhook signature is missing, invalid or too old.",
      );
    }
    return true;
  }
}

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return typeof value === "string" ? value : undefined;
}
