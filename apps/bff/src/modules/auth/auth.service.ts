import { Inject, Injectable, Logger } from "@nestjs/common";
import { type LoginRequest, type MfaChallenge } from "@portal/domain";
import { APP_CONFIG } from "../config/config.module.js";
import { type AppConfig } from "../config/config.schema.js";
import { AuditLogRepository } from "./repositories/audit-log.repository.js";
import { UsersRepository } from "../identity/repositories/users.repository.js";
import { AppError } from "../http/app-error.js";
import { accountLocked } from "./account-locked.js";
import { type ClientInfo } from "./client-info.js";
import { MfaService } from "./mfa.service.js";
import { PasswordHasher } from "./password-hasher.js";
import { RefreshTokenService } from "./refresh-token.service.js";
import { type IssuedSession, SessionService } from "./session.service.js";
import { UnknownEmailLockout } from "./unknown-email-lockout.js";

/** One message for every wrong email/password combination (docs/api.md), so it reveals nothing. */
const INVALID_CREDENTIALS_MESSAGE = "The email or password is incorrect.";

/**
 * Login, refresh and logout. Lockout: AUTH_LOCKOUT_THRESHOLD consecutive failures lock the
 * account for AUTH_LOCKOUT_MINUTES; while locked every attempt, even with the right password,
 * gets 423 ACCOUNT_LOCKED with `Retry-After` (DESIGN.md §7; OWASP Authentication Cheat Sheet
 * "Account Lockout"). Each attempt is counted before its password is checked, so concurrent
 * guesses cannot get more than the threshold verified; emails without an account lock the same
 * way ({@link UnknownEmailLockout}), so a 423 does not reveal that an account exists.
 */
@Injectable()
export class AuthService {
  private readonly logger = new Logger(AuthService.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly users: UsersRepository,
    private readonly audit: AuditLogRepository,
    private readonly hasher: PasswordHasher,
    private readonly refreshTokens: RefreshTokenService,
    private readonly sessions: SessionService,
    private readonly unknownEmails: UnknownEmailLockout,
    private readonly mfa: MfaService,
  ) {}

  /**
   * Checks the credentials and starts a session (a new refresh-token family) — or, when the user
   * has 2FA on, opens the second step instead (`MfaChallenge`, no session; decision 0033).
   * @throws AppError INVALID_CREDENTIALS (unknown email or wrong password, same message; an
   *   unknown email costs one dummy argon2 verification so timing does not tell them apart),
   *   ACCOUNT_LOCKED with `Retry-After` seconds (known and unknown emails alike).
   */
  async login(
    credentials: LoginRequest,
    client: ClientInfo,
  ): Promise<IssuedSession | MfaChallenge> {
    const now = new Date();
    const { lockoutThreshold, lockoutMinutes } = this.config.auth;
    const user = await this.users.findByEmail(credentials.email);
    const claim =
      user &&
      (await this.users.claimLoginAttempt(
        user.id,
        lockoutThreshold,
        now,
        new Date(now.getTime() + lockoutMinutes * 60_000),
      ));
    if (!user || !claim) {
      return this.refuseUnknownEmail(credentials, client, now);
    }
    if (!claim.claimed) {
      await this.audit.record({
        event: "login_failed",
        userId: user.id,
        ...client,
        detail: { reason: "locked" },
      });
      throw accountLocked(claim.lockedUntil ?? now);
    }
    if (!(await this.hasher.verify(user.passwordHash, credentials.password))) {
      await this.audit.record({
        event: "login_failed",
        userId: user.id,
        ...client,
        detail: { reason: "wrong_password" },
      });
      if (claim.lockedUntil) {
        this.logger.warn(
          { userId: user.id, lockedUntil: claim.lockedUntil.toISOString() },
          "Account locked after repeated failed logins",
        );
        await this.audit.record({
          event: "account_locked",
          userId: user.id,
          ...client,
          detail: { lockedUntil: claim.lockedUntil.toISOString(), threshold: lockoutThreshold },
        });
      }
      throw new AppError("INVALID_CREDENTIALS", INVALID_CREDENTIALS_MESSAGE);
    }
    if (await this.mfa.isEnabled(user.id)) {
      // The failure count stays until the second step succeeds: its codes share the lockout.
      return this.mfa.challenge(user.id);
    }
    await this.users.recordSuccessfulLogin(user.id, now);
    await this.audit.record({ event: "login_succeeded", userId: user.id, ...client });
    return this.sessions.issue(user, await this.refreshTokens.issue(user.id, now, client));
  }

  /**
   * Rotates the refresh token and issues a new access token.
   * @throws AppError UNAUTHENTICATED without a token, with an unknown/expired/reused one (reuse
   *   revokes the family), or when its user no longer exists.
   */
  async refresh(refreshToken: string | undefined, client: ClientInfo): Promise<IssuedSession> {
    if (!refreshToken) {
      throw new AppError("UNAUTHENTICATED", "Your session has ended. Please sign in again.");
    }
    const now = new Date();
    const rotated = await this.refreshTokens.rotate(refreshToken, now, client);
    const user = await this.users.findById(rotated.userId);
    if (!user) {
      throw new AppError("UNAUTHENTICATED", "Your session has ended. Please sign in again.");
    }
    return this.sessions.issue(user, rotated);
  }

  /** Revokes the refresh-token family of `refreshToken`, if any, and audits the logout. */
  async logout(refreshToken: string | undefined, client: ClientInfo): Promise<void> {
    if (!refreshToken) {
      return;
    }
    const userId = await this.refreshTokens.revoke(refreshToken, new Date());
    if (userId) {
      await this.audit.record({ event: "logout", userId, ...client });
    }
  }

  /**
   * An email without an account: counted like a user's failure, and answered like a wrong
   * password (after a dummy verification) or, past the threshold, like a locked account.
   */
  private async refuseUnknownEmail(
    credentials: LoginRequest,
    client: ClientInfo,
    now: Date,
  ): Promise<never> {
    const attempt = await this.unknownEmails.attempt(credentials.email, now);
    if (attempt.locked) {
      await this.audit.record({
        event: "login_failed",
        userId: null,
        ...client,
        detail: { reason: "unknown_email_locked" },
      });
      throw accountLocked(attempt.lockedUntil);
    }
    await this.hasher.verifyNothing(credentials.password);
    await this.audit.record({
      event: "login_failed",
      userId: null,
      ...client,
      detail: { reason: "unknown_email" },
    });
    throw new AppError("INVALID_CREDENTIALS", INVALID_CREDENTIALS_MESSAGE);
  }
}
