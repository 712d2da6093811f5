import { Injectable } from "@nestjs/common";
import {
  isTotpCode,
  type MfaChallenge,
  type MfaStatus,
  type RecoveryCodes as RecoveryCodesBody,
  type TotpEnrolment,
} from "@portal/domain";
import { AuditLogRepository } from "./repositories/audit-log.repository.js";
import { MfaRepository } from "./repositories/mfa.repository.js";
import { UsersRepository } from "../identity/repositories/users.repository.js";
import { type UserRow } from "../identity/schema/users.js";
import { AppError } from "../http/app-error.js";
import { type AuthenticatedUser } from "../http/current-user.js";
import { AttemptLockout } from "./attempt-lockout.js";
import { type ClientInfo } from "./client-info.js";
import { PasswordHasher } from "./password-hasher.js";
import { RecoveryCodes } from "./recovery-codes.js";
import { RefreshTokenService } from "./refresh-token.service.js";
import { type IssuedSession, SessionService } from "./session.service.js";
import { matchTotpStep, newTotpSecret, totpUri } from "./totp.js";
import { TotpSecretBox } from "./totp-secret-box.js";

/** A login's second step lives 5 minutes (decision 0033). */
export const MFA_CHALLENGE_TTL_SECONDS = 5 * 60;
/** Wrong codes one challenge accepts before it is spent (decision 0033). */
export const MFA_CHALLENGE_MAX_ATTEMPTS = 5;

const CODE_INVALID = "The code is incorrect or has expired.";

function codeInvalid(): AppError {
  return new AppError("MFA_CODE_INVALID", CODE_INVALID, { fields: { code: CODE_INVALID } });
}

function challengeExpired(): AppError {
  return new AppError(
    "MFA_CHALLENGE_EXPIRED",
    "The verification has expired. Please sign in again.",
  );
}

/**
 * Optional TOTP two-factor authentication (RFC 6238 via otpauth; decision 0033): enrol (pending
 * secret, QR code), confirm with a code (ten recovery codes, shown once), disable with the
 * password and a code, and the login's second step. Codes come from ±1 step of now and are never
 * accepted twice (the last accepted step is kept); recovery codes are single use. Wrong codes
 * count towards the login lockout ({@link AttemptLockout}).
 */
@Injectable()
export class MfaService {
  constructor(
    private readonly mfa: MfaRepository,
    private readonly users: UsersRepository,
    private readonly box: TotpSecretBox,
    private readonly recoveryCodes: RecoveryCodes,
    private readonly hasher: PasswordHasher,
    private readonly lockout: AttemptLockout,
    private readonly audit: AuditLogRepository,
    private readonly refreshTokens: RefreshTokenService,
    private readonly sessions: SessionService,
  ) {}

  /** Whether 2FA is on for `userId`, and the recovery codes left. */
  async status(userId: string): Promise<MfaStatus> {
    const totp = await this.mfa.findTotp(userId);
    const enabled = Boolean(totp?.confirmedAt);
    return {
      totpEnabled: enabled,
      recoveryCodesLeft: enabled ? await this.mfa.recoveryCodesLeft(userId) : 0,
    };
  }

  /** Whether login needs the second step for `userId`. */
  async isEnabled(userId: string): Promise<boolean> {
    return Boolean((await this.mfa.findTotp(userId))?.confirmedAt);
  }

  /**
   * Starts (or restarts) an enrolment: a new secret, sealed at rest, pending until confirmed.
   * @throws AppError MFA_ALREADY_ENABLED, UNAUTHENTICATED (the user no longer exists).
   */
  async enrol(user: AuthenticatedUser): Promise<TotpEnrolment> {
    const row = await this.userOf(user.id);
    const secret = newTotpSecret();
    if (!(await this.mfa.savePending(user.id, this.box.seal(secret, user.id)))) {
      throw new AppError("MFA_ALREADY_ENABLED", "Two-factor authentication is already on.");
    }
    const otpauthUri = totpUri(secret, row.email);
    // Loaded on the first enrolment, not at start (decision 0047).
    const { default: QRCode } = await import("qrcode");
    const qrSvg = await QRCode.toString(otpauthUri, { type: "svg", errorCorrectionLevel: "M" });
    return { secret, otpauthUri, qrSvg: qrSvg.slice(qrSvg.indexOf("<svg")) };
  }

  /**
   * Confirms the pending enrolment with a code from the app and returns ten recovery codes.
   * @throws AppError MFA_ALREADY_ENABLED, MFA_NOT_ENABLED (no enrolment started),
   *   MFA_CODE_INVALID (400, field `code`; counts towards the lockout), ACCOUNT_LOCKED.
   */
  async confirm(
    user: AuthenticatedUser,
    code: string,
    client: ClientInfo,
  ): Promise<RecoveryCodesBody> {
    const totp = await this.mfa.findTotp(user.id);
    if (!totp) {
      throw new AppError("MFA_NOT_ENABLED", "Start setting up two-factor authentication first.");
    }
    if (totp.confirmedAt) {
      throw new AppError("MFA_ALREADY_ENABLED", "Two-factor authentication is already on.");
    }
    const attempt = await this.lockout.claim(user.id, client, "mfa_failed");
    if (!(await this.acceptTotp(user.id, totp.secretEncrypted, code))) {
      await this.lockout.failed(attempt, client, "mfa_failed", "wrong_code_on_confirm");
      throw codeInvalid();
    }
    await this.lockout.succeeded(attempt);
    const recoveryCodes = this.recoveryCodes.generate();
    const hashes = recoveryCodes.map((shown) => this.recoveryCodes.hash(shown));
    if (!(await this.mfa.confirm(user.id, hashes, new Date()))) {
      throw new AppError("MFA_ALREADY_ENABLED", "Two-factor authentication is already on.");
    }
    await this.audit.record({ event: "mfa_enabled", userId: user.id, ...client });
    return { recoveryCodes };
  }

  /**
   * Turns 2FA off: needs the password and a TOTP or recovery code (consumed).
   * @throws AppError MFA_NOT_ENABLED, PASSWORD_INCORRECT (field `password`), MFA_CODE_INVALID
   *   (field `code`), ACCOUNT_LOCKED — wrong answers count towards the lockout.
   */
  async disable(
    user: AuthenticatedUser,
    password: string,
    code: string,
    client: ClientInfo,
  ): Promise<void> {
    const row = await this.userOf(user.id);
    const totp = await this.mfa.findTotp(user.id);
    if (!totp?.confirmedAt) {
      throw new AppError("MFA_NOT_ENABLED", "Two-factor authentication is not on.");
    }
    const attempt = await this.lockout.claim(user.id, client, "mfa_failed");
    if (!(await this.hasher.verify(row.passwordHash, password))) {
      await this.lockout.failed(attempt, client, "mfa_failed", "wrong_password_on_disable");
      throw new AppError("PASSWORD_INCORRECT", "The password is incorrect.", {
        fields: { password: "The password is incorrect." },
      });
    }
    if (!(await this.acceptCode(user.id, totp.secretEncrypted, code, client))) {
      await this.lockout.failed(attempt, client, "mfa_failed", "wrong_code_on_disable");
      throw codeInvalid();
    }
    await this.lockout.succeeded(attempt);
    await this.mfa.remove(user.id);
    await this.audit.record({ event: "mfa_disabled", userId: user.id, ...client });
  }

  /** Opens the second step of a login whose password was right. */
  async challenge(userId: string): Promise<MfaChallenge> {
    const expiresAt = new Date(Date.now() + MFA_CHALLENGE_TTL_SECONDS * 1000);
    const row = await this.mfa.openChallenge(userId, expiresAt);
    return { mfaRequired: true, challengeId: row.id, expiresAt: expiresAt.toISOString() };
  }

  /**
   * The second step: a TOTP or recovery code for challenge `challengeId` starts the session.
   * @throws AppError MFA_CHALLENGE_EXPIRED (401: unknown, expired, used, or 5 wrong codes),
   *   MFA_CODE_INVALID (400, field `code`), ACCOUNT_LOCKED (423, shared with login).
   */
  async completeLogin(
    challengeId: string,
    code: string,
    client: ClientInfo,
  ): Promise<IssuedSession> {
    const now = new Date();
    const challenge = await this.mfa.claimChallengeAttempt(
      challengeId,
      MFA_CHALLENGE_MAX_ATTEMPTS,
      now,
    );
    if (!challenge) {
      throw challengeExpired();
    }
    const attempt = await this.lockout.claim(challenge.userId, client, "login_failed");
    const totp = await this.mfa.findTotp(challenge.userId);
    const user = await this.users.findById(challenge.userId);
    if (!totp?.confirmedAt || !user) {
      throw challengeExpired();
    }
    if (!(await this.acceptCode(user.id, totp.secretEncrypted, code, client))) {
      await this.lockout.failed(attempt, client, "login_failed", "wrong_mfa_code");
      throw codeInvalid();
    }
    if (!(await this.mfa.spendChallenge(challenge.id, now))) {
      throw challengeExpired();
    }
    await this.lockout.succeeded(attempt);
    await this.audit.record({
      event: "login_succeeded",
      userId: user.id,
      ...client,
      detail: { mfa: isTotpCode(code) ? "totp" : "recovery_code" },
    });
    return this.sessions.issue(user, await this.refreshTokens.issue(user.id, now, client));
  }

  /** A TOTP code (not reused) or an unused recovery code (spent and audited). */
  private async acceptCode(
    userId: string,
    sealedSecret: string,
    code: string,
    client: ClientInfo,
  ): Promise<boolean> {
    if (isTotpCode(code)) {
      return this.acceptTotp(userId, sealedSecret, code);
    }
    if (!(await this.mfa.useRecoveryCode(userId, this.recoveryCodes.hash(code), new Date()))) {
      return false;
    }
    await this.audit.record({
      event: "mfa_recovery_code_used",
      userId,
      ...client,
      detail: { left: await this.mfa.recoveryCodesLeft(userId) },
    });
    return true;
  }

  /** A TOTP code within ±1 step whose step is later than the last one accepted. */
  private async acceptTotp(userId: string, sealedSecret: string, code: string): Promise<boolean> {
    const step = matchTotpStep(this.box.open(sealedSecret, userId), code, new Date());
    return step !== null && (await this.mfa.claimStep(userId, step));
  }

  private async userOf(userId: string): Promise<UserRow> {
    const row = await this.users.findById(userId);
    if (!row) {
      throw new AppError("UNAUTHENTICATED", "Your session has ended. Please sign in again.");
    }
    return row;
  }
}
