import { createHash, randomBytes, randomUUID } from "node:crypto";
import { Injectable, Logger } from "@nestjs/common";
import { AuditLogRepository } from "../database/repositories/audit-log.repository.js";
import { RefreshTokensRepository } from "../database/repositories/refresh-tokens.repository.js";
import { AppError } from "../http/app-error.js";
import { type ClientInfo } from "./client-info.js";

/** Refresh tokens live 7 days from their issue (docs/api.md); each refresh issues a new one. */
export const REFRESH_TOKEN_TTL_SECONDS = 7 * 24 * 60 * 60;

/** An opaque refresh token (32 random bytes, base64url) and its expiry. Only its hash is stored. */
export interface IssuedRefreshToken {
  token: string;
  userId: string;
  expiresAt: Date;
}

/** SHA-256 hex of a token: what the database keeps, so a database leak yields no usable token. */
function digest(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

function sessionExpired(): AppError {
  return new AppError("UNAUTHENTICATED", "Your session has ended. Please sign in again.");
}

/**
 * Rotating refresh tokens with reuse detection (DESIGN.md §7; OAuth 2.0 Security BCP, RFC 9700
 * §4.14.2 "Refresh Token Rotation"). Every login starts a family; each refresh retires the
 * presented token and issues its successor in the same family. Presenting a retired (rotated or
 * revoked) token means it was copied: the whole family is revoked, which signs out every session
 * of that login, and the event is audited.
 */
@Injectable()
export class RefreshTokenService {
  private readonly logger = new Logger(RefreshTokenService.name);

  constructor(
    private readonly tokens: RefreshTokensRepository,
    private readonly audit: AuditLogRepository,
  ) {}

  /** Starts a new family for `userId` and returns its first token. */
  async issue(userId: string, now: Date): Promise<IssuedRefreshToken> {
    const token = randomBytes(32).toString("base64url");
    const expiresAt = new Date(now.getTime() + REFRESH_TOKEN_TTL_SECONDS * 1000);
    await this.tokens.insert({
      familyId: randomUUID(),
      userId,
      tokenHash: digest(token),
      expiresAt,
    });
    return { token, userId, expiresAt };
  }

  /**
   * Exchanges `token` for its successor.
   * @throws AppError UNAUTHENTICATED when the token is unknown, expired, or retired (then the
   *   family is revoked first).
   */
  async rotate(token: string, now: Date, client: ClientInfo): Promise<IssuedRefreshToken> {
    const current = await this.tokens.findByHash(digest(token));
    if (!current) {
      throw sessionExpired();
    }
    if (current.rotatedAt || current.revokedAt) {
      await this.revokeReusedFamily(current.familyId, current.userId, now, client);
      throw sessionExpired();
    }
    if (current.expiresAt.getTime() <= now.getTime()) {
      throw sessionExpired();
    }
    const next = randomBytes(32).toString("base64url");
    const expiresAt = new Date(now.getTime() + REFRESH_TOKEN_TTL_SECONDS * 1000);
    const successor = await this.tokens.rotate(
      current.id,
      { familyId: current.familyId, userId: current.userId, tokenHash: digest(next), expiresAt },
      now,
    );
    if (!successor) {
      // Another request rotated the same token a moment ago: it was used twice.
      await this.revokeReusedFamily(current.familyId, current.userId, now, client);
      throw sessionExpired();
    }
    return { token: next, userId: current.userId, expiresAt };
  }

  /**
   * Revokes the family of `token` (logout); unknown tokens are ignored.
   * @returns the user the token belonged to, or null.
   */
  async revoke(token: string, now: Date): Promise<string | null> {
    const current = await this.tokens.findByHash(digest(token));
    if (!current) {
      return null;
    }
    await this.tokens.revokeFamily(current.familyId, now);
    return current.userId;
  }

  private async revokeReusedFamily(
    familyId: string,
    userId: string,
    now: Date,
    client: ClientInfo,
  ): Promise<void> {
    const revoked = await this.tokens.revokeFamily(familyId, now);
    this.logger.warn({ userId, familyId, revoked }, "Refresh token reused; family revoked");
    await this.audit.record({
      event: "refresh_token_reused",
      userId,
      ...client,
      detail: { familyId, revoked },
    });
  }
}
