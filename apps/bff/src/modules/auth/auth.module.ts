import { Module } from "@nestjs/common";
import { IdentityModule } from "../identity/identity.module.js";
import { AccountSessionsRepository } from "./repositories/account-sessions.repository.js";
import { AuditLogRepository } from "./repositories/audit-log.repository.js";
import { MfaRepository } from "./repositories/mfa.repository.js";
import { MfaChallengePruner } from "./mfa-challenge-pruner.js";
import { PasswordResetTokensRepository } from "./repositories/password-reset-tokens.repository.js";
import { RefreshTokensRepository } from "./repositories/refresh-tokens.repository.js";
import { SignupAttemptsRepository } from "./repositories/signup-attempts.repository.js";
import { UserPasswordsRepository } from "./repositories/user-passwords.repository.js";
import { SignupCodesRepository } from "./repositories/signup-codes.repository.js";
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
import { PasswordResetController } from "./password-reset.controller.js";
import { PasswordResetService } from "./password-reset.service.js";
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
 * Sign-up, login, refresh, logout and the CSRF cookie; password reset by e-mail; the signed-in user's password change,
 * TOTP two-factor authentication, sessions and security activity; the migration of WHMCS
 * customers. Owns the tables of sessions (refresh tokens), MFA, sign-up attempts and the audit
 * log. Exports the hasher for the demo seed and the audit log for the account features.
 */
@Module({
  imports: [IdentityModule],
  controllers: [
    AuthController,
    PasswordResetController,
    MfaController,
    AccountSecurityController,
    MigrationController,
  ],
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
    PasswordResetService,
    PasswordResetTokensRepository,
    AccountSessionsService,
    SecurityActivityService,
    MfaRepository,
    MfaChallengePruner,
    AccountSessionsRepository,
    UserPasswordsRepository,
    RefreshTokensRepository,
    SignupAttemptsRepository,
    AuditLogRepository,
    MigrationService,
    MigrationWorkflow,
    MigrationTickets,
    MigrationTicketCookie,
  ],
  exports: [PasswordHasher, AuditLogRepository, AttemptLockout],
})
export class AuthModule {}
