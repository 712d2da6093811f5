import { Module } from "@nestjs/common";
import { AccountSessionsRepository } from "../database/repositories/account-sessions.repository.js";
import { MfaRepository } from "../database/repositories/mfa.repository.js";
import { SignupCodesRepository } from "../database/repositories/signup-codes.repository.js";
import { UserPasswordsRepository } from "../database/repositories/user-passwords.repository.js";
import { AccountSecurityController } from "./account-security.controller.js";
import { AccountSessionsService } from "./account-sessions.service.js";
import { AttemptLockout } from "./attempt-lockout.js";
import { AuthController } from "./auth.controller.js";
import { AuthService } from "./auth.service.js";
import { ContractProof } from "./contract-proof.js";
import { ExpiringCounters } from "./expiring-counters.js";
import { EndSessionOnRefusalInterceptor } from "./end-session-on-refusal.interceptor.js";
import { MfaController } from "./mfa.controller.js";
import { MfaService } from "./mfa.service.js";
import { PasswordChangeService } from "./password-change.service.js";
import { MigrationTicketCookie } from "./migration-ticket-cookie.js";
import { MigrationTickets } from "./migration-tickets.js";
import { MigrationWorkflow } from "./migration-workflow.js";
import { MigrationController } from "./migration.controller.js";
import { MigrationService } from "./migration.service.js";
import { PasswordHasher } from "./password-hasher.js";
import { RecoveryCodes } from "./recovery-codes.js";
import { RefreshTokenService } from "./refresh-token.service.js";
import { SessionCookies } from "./session-cookies.js";
import { SecurityActivityService } from "./security-activity.service.js";
import { SessionService } from "./session.service.js";
import { SignupCodes } from "./signup-codes.js";
import { SignupWorkflow } from "./signup-workflow.js";
import { SignupService } from "./signup.service.js";
import { TotpSecretBox } from "./totp-secret-box.js";
import { UnknownEmailLockout } from "./unknown-email-lockout.js";

/**
 * Sign-up, login, refresh, logout and the CSRF cookie; the signed-in user's password change,
 * TOTP two-factor authentication, sessions and security activity; the migration of WHMCS
 * customers. Exports the hasher for the demo seed.
 */
@Module({
  controllers: [AuthController, MfaController, AccountSecurityController, MigrationController],
  providers: [
    AuthService,
    SignupService,
    SignupWorkflow,
    SignupCodes,
    SignupCodesRepository,
    ContractProof,
    ExpiringCounters,
    PasswordHasher,
    RefreshTokenService,
    SessionService,
    SessionCookies,
    EndSessionOnRefusalInterceptor,
    UnknownEmailLockout,
    AttemptLockout,
    MfaService,
    TotpSecretBox,
    RecoveryCodes,
    PasswordChangeService,
    AccountSessionsService,
    SecurityActivityService,
    MfaRepository,
    AccountSessionsRepository,
    UserPasswordsRepository,
    MigrationService,
    MigrationWorkflow,
    MigrationTickets,
    MigrationTicketCookie,
  ],
  exports: [PasswordHasher],
})
export class AuthModule {}
