import { Global, Module } from "@nestjs/common";
import { APP_FILTER, APP_GUARD } from "@nestjs/core";
import { AccessTokenService } from "./access-token.service.js";
import { AuthGuard } from "./auth.guard.js";
import { CsrfGuard } from "./csrf.guard.js";
import { GlobalExceptionFilter } from "./global-exception.filter.js";

/**
 * HTTP plumbing shared by every feature: the global exception filter, the global CSRF guard, and
 * the access-token guard that protected controllers opt into with `@UseGuards(AuthGuard)`.
 */
@Global()
@Module({
  providers: [
    { provide: APP_FILTER, useClass: GlobalExceptionFilter },
    { provide: APP_GUARD, useClass: CsrfGuard },
    AccessTokenService,
    AuthGuard,
  ],
  exports: [AccessTokenService, AuthGuard],
})
export class HttpModule {}
