import { Global, Module } from "@nestjs/common";
import { APP_FILTER, APP_GUARD, DiscoveryModule } from "@nestjs/core";
import { AccessTokenService } from "./access-token.service.js";
import { AuthGuard } from "./auth.guard.js";
import { CsrfGuard } from "./csrf.guard.js";
import { CsrfTokens } from "./csrf-tokens.js";
import { GlobalExceptionFilter } from "./global-exception.filter.js";
import { IdempotencyInterceptor } from "./idempotency.interceptor.js";
import { IdempotencyPruner } from "./idempotency-pruner.js";
import { IdempotencyKeysRepository } from "./repositories/idempotency-keys.repository.js";
import { SessionDenyList } from "./session-deny-list.js";
import { ValidationCoverage } from "./validation-coverage.js";

/**
 * HTTP plumbing shared by every feature, on for every route (secure by default): the global
 * exception filter, the CSRF guard (session-bound tokens), then the access-token guard (routes opt out with `@Public()`),
 * the session deny-list that logout and refresh-token
 * reuse write to, and the start-up check that every body, query and path parameter goes through
 * a `ZodPipe`; and idempotency keys for routes marked `@Idempotent()` (with their table and the
 * job that prunes them).
 */
@Global()
@Module({
  imports: [DiscoveryModule],
  providers: [
    { provide: APP_FILTER, useClass: GlobalExceptionFilter },
    { provide: APP_GUARD, useClass: CsrfGuard },
    { provide: APP_GUARD, useClass: AuthGuard },
    AccessTokenService,
    CsrfTokens,
    SessionDenyList,
    ValidationCoverage,
    IdempotencyInterceptor,
    IdempotencyPruner,
    IdempotencyKeysRepository,
  ],
  // The interceptor is instantiated in each feature module that uses `@Idempotent()`, so its
  // repository is exported with it.
  exports: [
    AccessTokenService,
    CsrfTokens,
    SessionDenyList,
    IdempotencyInterceptor,
    IdempotencyKeysRepository,
  ],
})
export class HttpModule {}
