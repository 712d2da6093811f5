import { createHmac, hkdfSync, randomInt, timingSafeEqual } from "node:crypto";
import { Inject, Injectable, Logger } from "@nestjs/common";
import {
  type EmailChangeConfirmRequest,
  type EmailChangeRequest,
  type EmailChangeStarted,
} from "@portal/domain";
import { WhmcsClient } from "@portal/whmcs";
import { AttemptLockout } from "../auth/attempt-lockout.js";
import { type ClientInfo } from "../auth/client-info.js";
import { PasswordHasher } from "../auth/password-hasher.js";
import { APP_CONFIG } from "../config/config.module.js";
import { type AppConfig } from "../config/config.schema.js";
import { BillingProfileService } from "../billing/billing-profile.service.js";
import { IdentityService } from "../identity/identity.service.js";
import { AuditLogRepository } from "../auth/repositories/audit-log.repository.js";
import { EmailChangesRepository } from "../auth/repositories/email-changes.repository.js";
import { UsersRepository } from "../identity/repositories/users.repository.js";
import { uniqueViolation } from "../database/unique-violation.js";
import { AppError } from "../http/app-error.js";
import { type AuthenticatedUser } from "../http/current-user.js";
import { MailService } from "../mail/mail.service.js";
import { EMAIL_CHANGE_CODE_VALID_MINUTES } from "../mail/templates/email-change-verification.js";

/** Wrong codes a pending change survives; the next one ends it. */
export const EMAIL_CHANGE_MAX_FAILURES = 5;

function codeInvalid(): AppError {
  const message = "The code is incorrect or has expired. Ask for a new one if needed.";
  return new AppError("EMAIL_CHANGE_CODE_INVALID", message, { fields: { code: message } });
}

function emailInUse(): AppError {
  const message = "This email address is already in use.";
  return new AppError("EMAIL_IN_USE", message, { fields: { newEmail: message } });
}

/**
 * Changing the login and contact e-mail address of the signed-in customer (issue "Japanese-first
 * portal" §3; decision 0042).
 * - {@link start}: the current password is checked under the login lockout; a 6-digit code
 *   (10 minutes, {@link EMAIL_CHANGE_MAX_FAILURES} wrong tries) is stored as an HMAC and mailed
 *   to the new address. When another portal user has that address nothing is mailed and the
 *   answer is the same: only whoever reads that mailbox could learn it is taken.
 * - {@link confirm}: WHMCS `UpdateClient` first (authoritative for the profile), then the portal
 *   user; when the portal write fails after WHMCS changed, WHMCS is set back, so the two never
 *   disagree. Then the cached profile is dropped, `email_changed` audited and the old address
 *   told (`email-changed-notice`).
 */
@Injectable()
export class EmailChangeService {
  private readonly logger = new Logger(EmailChangeService.name);
  private readonly codeKey: Buffer;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly users: UsersRepository,
    private readonly changes: EmailChangesRepository,
    private readonly identities: IdentityService,
    private readonly billingProfiles: BillingProfileService,
    private readonly whmcs: WhmcsClient,
    private readonly hasher: PasswordHasher,
    private readonly lockout: AttemptLockout,
    private readonly audit: AuditLogRepository,
    private readonly mail: MailService,
  ) {
    this.codeKey = Buffer.from(
      hkdfSync("sha256", config.auth.jwtAccessSecret, "", "portal email-change code", 32),
    );
  }

  /**
   * Starts (or restarts) the change to `request.newEmail`.
   * @throws AppError VALIDATION_FAILED (field `newEmail`) when it is the current address,
   *   PASSWORD_INCORRECT (400, field `currentPassword`), ACCOUNT_LOCKED (423), UNAUTHENTICATED.
   */
  async start(
    user: AuthenticatedUser,
    request: EmailChangeRequest,
    client: ClientInfo,
  ): Promise<EmailChangeStarted> {
    const { user: row } = await this.identities.byUserId(user.id);
    if (request.newEmail === row.email) {
      const message = "This is already your e-mail address.";
      throw new AppError("VALIDATION_FAILED", message, { fields: { newEmail: message } });
    }
    const attempt = await this.lockout.claim(user.id, client, "login_failed");
    if (!(await this.hasher.verify(row.passwordHash, request.currentPassword))) {
      await this.lockout.failed(attempt, client, "login_failed", "wrong_current_password");
      throw new AppError("PASSWORD_INCORRECT", "The current password is incorrect.", {
        fields: { currentPassword: "The current password is incorrect." },
      });
    }
    await this.lockout.succeeded(attempt);
    const now = new Date();
    const expiresAt = new Date(now.getTime() + EMAIL_CHANGE_CODE_VALID_MINUTES * 60_000);
    const code = randomInt(0, 1_000_000).toString().padStart(6, "0");
    await this.changes.start(user.id, request.newEmail, this.hash(user.id, code), expiresAt, now);
    const holder = await this.users.findByEmail(request.newEmail);
    if (holder) {
      this.logger.log({ userId: user.id }, "E-mail change to an address in use; no code sent");
    } else {
      await this.mail.send("email-change-verification", request.newEmail, row.locale, { code });
    }
    await this.audit.record({ event: "email_change_requested", userId: user.id, ...client });
    return { newEmail: request.newEmail, expiresAt: expiresAt.toISOString() };
  }

  /**
   * Confirms the pending change with its code and makes it, WHMCS first.
   * @throws AppError EMAIL_CHANGE_CODE_INVALID (400, field `code`: wrong, expired, used up, or
   *   nothing pending), EMAIL_IN_USE (409, field `newEmail`: another portal user or WHMCS client
   *   has it); WhmcsError when WHMCS fails (→ 502/503; nothing changed, the code still works).
   */
  async confirm(
    user: AuthenticatedUser,
    request: EmailChangeConfirmRequest,
    client: ClientInfo,
  ): Promise<void> {
    const now = new Date();
    const pending = await this.changes.find(user.id);
    if (!pending || pending.expiresAt <= now) {
      if (pending) await this.changes.discard(user.id);
      throw codeInvalid();
    }
    if (!this.matches(pending.codeHash, this.hash(user.id, request.code))) {
      if ((await this.changes.countFailure(user.id)) >= EMAIL_CHANGE_MAX_FAILURES) {
        await this.changes.discard(user.id);
      }
      throw codeInvalid();
    }
    const { user: row, mapping } = await this.identities.byUserId(user.id);
    const newEmail = pending.newEmail;
    const holder = await this.users.findByEmail(newEmail);
    if (holder && holder.id !== user.id) {
      await this.changes.discard(user.id);
      throw emailInUse();
    }
    if ((await this.whmcs.clients.changeEmail(mapping.whmcsClientId, newEmail)) !== "changed") {
      throw emailInUse();
    }
    try {
      await this.changes.complete(user.id, newEmail, now);
    } catch (error) {
      await this.restoreWhmcs(mapping.whmcsClientId, row.email, user.id);
      if (uniqueViolation(error) !== null) {
        throw emailInUse();
      }
      throw error;
    }
    await this.billingProfiles.forget(mapping.whmcsClientId);
    await this.audit.record({ event: "email_changed", userId: user.id, ...client });
    await this.mail.send("email-changed-notice", row.email, row.locale, { newEmail });
  }

  /** Sets WHMCS back to the portal's address after the portal write failed (logged if it fails). */
  private async restoreWhmcs(clientId: number, email: string, userId: string): Promise<void> {
    try {
      await this.whmcs.clients.changeEmail(clientId, email);
    } catch (error) {
      this.logger.error(
        { err: error, userId, billingClientId: clientId },
        "WHMCS e-mail could not be set back after the portal write failed; fix it by hand",
      );
    }
  }

  private hash(userId: string, code: string): string {
    return createHmac("sha256", this.codeKey).update(`${userId}:${code}`).digest("hex");
  }

  private matches(storedHex: string, candidateHex: string): boolean {
    const stored = Buffer.from(storedHex, "hex");
    const candidate = Buffer.from(candidateHex, "hex");
    return stored.length === candidate.length && timingSafeEqual(stored, candidate);
  }
}
