import { Module } from "@nestjs/common";
import { AuthController } from "./auth.controller.js";
import { AuthService } from "./auth.service.js";
import { EndSessionOnRefusalInterceptor } from "./end-session-on-refusal.interceptor.js";
import { MigrationTicketCookie } from "./migration-ticket-cookie.js";
import { MigrationTickets } from "./migration-tickets.js";
import { MigrationWorkflow } from "./migration-workflow.js";
import { MigrationController } from "./migration.controller.js";
import { MigrationService } from "./migration.service.js";
import { PasswordHasher } from "./password-hasher.js";
import { RefreshTokenService } from "./refresh-token.service.js";
import { SessionCookies } from "./session-cookies.js";
import { SessionService } from "./session.service.js";
import { SignupWorkflow } from "./signup-workflow.js";
import { SignupService } from "./signup.service.js";
import { UnknownEmailLockout } from "./unknown-email-lockout.js";

/** Sign-up, login, refresh, logout, the CSRF cookie and the migration of WHMCS customers. Exports the hasher for the demo seed. */
@Module({
  controllers: [AuthController, MigrationController],
  providers: [
    AuthService,
    SignupService,
    SignupWorkflow,
    PasswordHasher,
    RefreshTokenService,
    SessionService,
    SessionCookies,
    EndSessionOnRefusalInterceptor,
    UnknownEmailLockout,
    MigrationService,
    MigrationWorkflow,
    MigrationTickets,
    MigrationTicketCookie,
  ],
  exports: [PasswordHasher],
})
export class AuthModule {}
