import { createHash, timingSafeEqual } from "node:crypto";
import {
  type CanActivate,
  type ExecutionContext,
  Inject,
  Injectable,
  Logger,
} from "@nestjs/common";
import { type FastifyRequest } from "fastify";
import { APP_CONFIG } from "../config/config.module.js";
import { type AppConfig } from "../config/config.schema.js";
import { AppError } from "../http/app-error.js";

/**
 * Admits operators: `Authorization: Bearer <OPS_API_TOKEN>` (contract §3 of issue 8; the
 * development token outside production, config.schema.ts). Compared as SHA-256 digests in
 * constant time, so neither the token nor its length leaks. Used on `@Public()` routes under
 * `/api/ops/`, which the session guard and CSRF leave to it (a bearer token is not sent by a
 * browser on its own). Refusals are logged as warnings.
 * @throws AppError UNAUTHENTICATED (401)
 */
@Injectable()
export class OpsAuthGuard implements CanActivate {
  private readonly logger = new Logger(OpsAuthGuard.name);
  private readonly digest: Buffer;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.digest = createHash("sha256").update(config.ops.apiToken).digest();
  }

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const header = request.headers.authorization;
    const presented =
      typeof header === "string" && header.startsWith("Bearer ")
        ? createHash("sha256").update(header.slice("Bearer ".length)).digest()
        : null;
    if (presented && timingSafeEqual(presented, this.digest)) {
      return true;
    }
    this.logger.warn({ ip: request.ip, path: request.url }, "Refused an operator request");
    throw new AppError("UNAUTHENTICATED", "An operator token (Authorization: Bearer) is required.");
  }
}
