import { createHash, randomBytes } from "node:crypto";
import { Inject, Injectable, Logger, type OnModuleInit } from "@nestjs/common";
import { type PasswordForgotRequest, type PasswordResetRequest } from "@portal/domain";
import { AuditLogRepository } from "./repositories/audit-log.repository.js";
import { PasswordResetTokensRepository } from "./repositories/password-reset-tokens.repository.js";
import { UsersRepository } from "../identity/repositories/users.repository.js";
import { AppError } from "../http/app-error.js";
import { SessionDenyList } from "../http/session-deny-list.js";
import { MailService } from "../mail/mail.service.js";
import { PASSWORD_RESET_VALID_MINUTES } from "../mail/templates/password-reset.js";
import { type AppJobs } from "../queue/app-jobs.js";
import { JobQueue } from "../queue/job-queue.js";
import { type ClientInfo } from "./client-info.js";
import { PasswordHasher } from "./password-hasher.js";

/** Random bytes of a reset token (256 bits; OWASP Forgot Password Cheat Sheet "URL tokens"). */
const TOKEN_BYTES = 32;

/**
 * Reset mails one address gets per {@link MAIL_WINDOW_MS} whoever asks: the per-address limit,
 * applied off the request path, so it cannot tell anyone whether the address has an account.
 */
export const RESET_MAILS_PER_WINDOW = 5;
const MAIL_WINDOW_MS = 60 * 60 * 1000;

/** The stored form of a token: SHA-256 hex (a 256-bit random value needs no slow hash). */
function tokenHash(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

function invalidToken(): AppError {
  const message = "This reset link is not valid any more. Please ask for a new one.";
  return new AppError("PASSWORD_RESET_TOKEN_INVALID", message, { fields: { token: message } });
}

/**
 * Password reset by e-mail (issue "Japanese-first portal" §3; decision 0041).
 * - {@link request}: queues the `auth.password-reset.request` job and returns — the same work
 *   whether or not the address has an account, so neither the answer nor its timing tells.
 * - The job ({@link issue}): for a user's address, at most {@link RESET_MAILS_PER_WINDOW} an
 *   hour, stores the SHA-256 of a new 32-byte token (30 minutes) and mails the link
 *   `/auth/reset-password?token=…` in the user's language; audited `password_reset_requested`.
 * - {@link reset}: spends the token and, in one transaction, sets the new password, ends the
 *   lockout and revokes every refresh-token family; then denies those sessions (their access
 *   tokens stop at once), audits `password_reset` and sends the security alert.
 */
@Injectable()
export class PasswordResetService implements OnModuleInit {
  private readonly logger = new Logger(PasswordResetService.name);

  constructor(
    private readonly users: UsersRepository,
    private readonly tokens: PasswordResetTokensRepository,
    private readonly audit: AuditLogRepository,
    private readonly hasher: PasswordHasher,
    private readonly denyList: SessionDenyList,
    private readonly mail: MailService,
    @Inject(JobQueue) private readonly queue: JobQueue<AppJobs>,
  ) {}

  onModuleInit(): void {
    this.queue.register("auth.password-reset.request", async ({ email, ...client }) => {
      await this.issue(email, client);
    });
  }

  /**
   * Accepts a "forgot password" request for `request.email` (handled by the job).
   * @throws the queue's error when even queuing fails (the database is down → 500).
   */
  async request(request: PasswordForgotRequest, client: ClientInfo): Promise<void> {
    await this.queue.send("auth.password-reset.request", { email: request.email, ...client });
  }

  /**
   * The job: issues a token for the user with `email` and queues its mail; nothing for an
   * address without an account or past the per-address limit (logged without the address).
   */
  async issue(email: string, client: ClientInfo, now = new Date()): Promise<void> {
    const user = await this.users.findByEmail(email);
    if (!user) {
      return;
    }
    const issued = await this.tokens.countIssuedSince(
      user.id,
      new Date(now.getTime() - MAIL_WINDOW_MS),
    );
    if (issued >= RESET_MAILS_PER_WINDOW) {
      this.logger.warn({ userId: user.id }, "Password-reset mail limit reached; none sent");
      return;
    }
    const token = randomBytes(TOKEN_BYTES).toString("base64url");
    const expiresAt = new Date(now.getTime() + PASSWORD_RESET_VALID_MINUTES * 60_000);
    await this.tokens.create(user.id, tokenHash(token), expiresAt, now);
    await this.audit.record({ event: "password_reset_requested", userId: user.id, ...client });
    await this.mail.send("password-reset", user.email, user.locale, { token });
  }

  /**
   * Sets a new password with a reset token.
   * @throws AppError PASSWORD_RESET_TOKEN_INVALID (400, field `token`) for an unknown, expired
   *   or used token.
   */
  async reset(request: PasswordResetRequest, client: ClientInfo): Promise<void> {
    const now = new Date();
    // Hashed before the token is looked up: the slow step costs the same for a bad token.
    const passwordHash = await this.hasher.hash(request.password);
    const redeemed = await this.tokens.redeem(tokenHash(request.token), passwordHash, now);
    if (!redeemed) {
      throw invalidToken();
    }
    const { userId, revokedFamilies } = redeemed;
    for (const familyId of revokedFamilies) {
      try {
        await this.denyList.deny(familyId);
      } catch (error) {
        // The password is already changed and the refresh tokens revoked; the access tokens
        // then end within their 15 minutes, as when the guard cannot read the list.
        this.logger.error({ err: error, userId }, "Could not deny a session after a reset");
      }
    }
    await this.audit.record({
      event: "password_reset",
      userId,
      ...client,
      detail: { sessionsEnded: revokedFamilies.length },
    });
    const user = await this.users.findById(userId);
    if (user) {
      await this.mail.send("security-alert", user.email, user.locale, {
        event: "password-reset",
        occurredAt: now.toISOString(),
      });
    }
  }
}
