import { Injectable } from "@nestjs/common";
import { type PasswordChangeRequest } from "@portal/domain";
import { AccountSessionsRepository } from "./repositories/account-sessions.repository.js";
import { AuditLogRepository } from "./repositories/audit-log.repository.js";
import { UsersRepository } from "../identity/repositories/users.repository.js";
import { UserPasswordsRepository } from "./repositories/user-passwords.repository.js";
import { AppError } from "../http/app-error.js";
import { type AuthenticatedUser } from "../http/current-user.js";
import { SessionDenyList } from "../http/session-deny-list.js";
import { AttemptLockout } from "./attempt-lockout.js";
import { type ClientInfo } from "./client-info.js";
import { PasswordHasher } from "./password-hasher.js";

/**
 * Changing the password of the signed-in user (issue "Japanese-first portal" §3): the current
 * password is checked under the login lockout ({@link AttemptLockout}); the new one (sign-up
 * policy, checked by the request schema) is hashed with argon2id; every other session is ended
 * (refresh families revoked and denied) and the caller's is kept; audited `password_changed`.
 */
@Injectable()
export class PasswordChangeService {
  constructor(
    private readonly users: UsersRepository,
    private readonly passwords: UserPasswordsRepository,
    private readonly sessions: AccountSessionsRepository,
    private readonly denyList: SessionDenyList,
    private readonly audit: AuditLogRepository,
    private readonly hasher: PasswordHasher,
    private readonly lockout: AttemptLockout,
  ) {}

  /**
   * @throws AppError PASSWORD_INCORRECT (400, field `currentPassword`), ACCOUNT_LOCKED (423),
   *   UNAUTHENTICATED when the user no longer exists.
   */
  async change(
    user: AuthenticatedUser,
    request: PasswordChangeRequest,
    client: ClientInfo,
  ): Promise<void> {
    const row = await this.users.findById(user.id);
    if (!row) {
      throw new AppError("UNAUTHENTICATED", "Your session has ended. Please sign in again.");
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
    await this.passwords.setHash(user.id, await this.hasher.hash(request.newPassword), now);
    const ended = await this.sessions.revokeAllExcept(user.id, user.sessionId, now);
    for (const familyId of ended) {
      await this.denyList.deny(familyId);
    }
    await this.audit.record({
      event: "password_changed",
      userId: user.id,
      ...client,
      detail: { sessionsEnded: ended.length },
    });
  }
}
