import { Global, Module } from "@nestjs/common";
import { APP_FILTER, APP_GUARD } from "@nestjs/core";
import { AccessTokenService } from "./access-token.service.js";
import { AuthGuard } from "./auth.guard.js";
import { CsrfGuard } from "./csrf.guard.js";
import { GlobalExceptionFilter } from "./global-exception.filter.js";
import { IdempotencyInterceptor } from "./idempotency.interceptor.js";
import { IdempotencyPruner } from "./idempotency-pruner.js";

/**
 * HTTP plumbing shared by every feature: the global exception filter, the global CSRF guard, and
 * the access-token guard that protected controllers opt into with `@UseGuards(AuthGuard)`, and
 * idempotency keys for routes marked `@Idempotent()` (with the job that prunes them).
 */
@Global()
@Module({
  providers: [
    { provide: APP_FILTER, useClass: GlobalExceptionFilter },
    { provide: APP_GUARD, useClass: CsrfGuard },
    AccessTokenService,
    AuthGuard,
    IdempotencyInterceptor,
    IdempotencyPruner,
  ],
  exports: [AccessTokenService, AuthGuard, IdempotencyInterceptor],
})
export class HttpModule {}
