import { Inject, Injectable, Logger } from "@nestjs/common";
import { APP_CONFIG } from "../config/config.module.js";
import { type AppConfig } from "../config/config.schema.js";
import { type AuditEvent, AuditLogRepository } from "./repositories/audit-log.repository.js";
import { UsersRepository } from "../identity/repositories/users.repository.js";
import { accountLocked } from "./account-locked.js";
import { type ClientInfo } from "./client-info.js";

/** An attempt counted by {@link AttemptLockout.claim}; settle it with `failed` or `succeeded`. */
export interface ClaimedAttempt {
  userId: string;
  /** Set when this very attempt reached the threshold: failing it locks the account. */
  lockedUntil: Date | null;
}

/**
 * The login lockout applied to every other check of a signed-in secret (decision 0033): the
 * current password on a password change or 2FA disable, and the code of a login's second step
 * share the user's consecutive-failure counter with the password login (AUTH_LOCKOUT_THRESHOLD,
 * AUTH_LOCKOUT_MINUTES; `UsersRepository.claimLoginAttempt`), so none of them is a way around it.
 */
@Injectable()
export class AttemptLockout {
  private readonly logger = new Logger(AttemptLockout.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly users: UsersRepository,
    private readonly audit: AuditLogRepository,
  ) {}

  /**
   * Counts one attempt for `userId` before its secret is checked.
   * @throws AppError ACCOUNT_LOCKED with `Retry-After` while the account is locked (audited as
   *   `failedEvent` with reason "locked"); UNAUTHENTICATED-free: an unknown user counts as locked.
   */
  async claim(
    userId: string,
    client: ClientInfo,
    failedEvent: AuditEvent,
  ): Promise<ClaimedAttempt> {
    const now = new Date();
    const { lockoutThreshold, lockoutMinutes } = this.config.auth;
    const claim = await this.users.claimLoginAttempt(
      userId,
      lockoutThreshold,
      now,
      new Date(now.getTime() + lockoutMinutes * 60_000),
    );
    if (!claim?.claimed) {
      await this.audit.record({
        event: failedEvent,
        userId,
        ...client,
        detail: { reason: "locked" },
      });
      throw accountLocked(claim?.lockedUntil ?? now);
    }
    return { userId, lockedUntil: claim.lockedUntil };
  }

  /** Audits a wrong secret as `event` (`reason` in the detail), and the lock it caused, if any. */
  async failed(
    attempt: ClaimedAttempt,
    client: ClientInfo,
    event: AuditEvent,
    reason: string,
  ): Promise<void> {
    await this.audit.record({ event, userId: attempt.userId, ...client, detail: { reason } });
    if (attempt.lockedUntil) {
      this.logger.warn(
        { userId: attempt.userId, lockedUntil: attempt.lockedUntil.toISOString() },
        "Account locked after repeated failed checks",
      );
      await this.audit.record({
        event: "account_locked",
        userId: attempt.userId,
        ...client,
        detail: {
          lockedUntil: attempt.lockedUntil.toISOString(),
          threshold: this.config.auth.lockoutThreshold,
        },
      });
    }
  }

  /** Clears the failure count after a right secret (and stamps the last login). */
  async succeeded(attempt: ClaimedAttempt): Promise<void> {
    await this.users.recordSuccessfulLogin(attempt.userId, new Date());
  }
}
