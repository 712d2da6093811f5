import { createHash, createHmac, hkdfSync, randomBytes, randomUUID } from "node:crypto";
import { Inject, Injectable, Logger } from "@nestjs/common";
import { APP_CONFIG } from "../config/config.module.js";
import { type AppConfig } from "../config/config.schema.js";
import { AuditLogRepository } from "./repositories/audit-log.repository.js";
import { RefreshTokensRepository } from "./repositories/refresh-tokens.repository.js";
import { type RefreshTokenRow } from "./schema/refresh-tokens.js";
import { AppError } from "../http/app-error.js";
import { SessionDenyList } from "../http/session-deny-list.js";
import { type ClientInfo } from "./client-info.js";

/** Refresh tokens live 7 days from their issue (docs/api.md); each refresh issues a new one. */
export const REFRESH_TOKEN_TTL_SECONDS = 7 * 24 * 60 * 60;

/**
 * An opaque refresh token (32 bytes, base64url) of session `familyId`, when it was issued and
 * when it expires. Only its hash is stored.
 */
export interface IssuedRefreshToken {
  token: string;
  userId: string;
  /** The session id: every token descending from one login shares it (uuid). */
  familyId: string;
  issuedAt: Date;
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
 * §4.14.2 "Refresh Token Rotation"). Every login starts a family (the session); each refresh
 * retires the presented token and issues its successor in the same family. Presenting a retired
 * token means it was copied: the whole family is revoked and denied (its access tokens stop
 * working at once, `SessionDenyList`), which signs out every session of that login, and the
 * event is audited.
 *
 * Reuse interval (Auth0 "Rotation Overlap Period", vendor-facts §8.2; decision 0017): for
 * AUTH_REFRESH_REUSE_INTERVAL_SECONDS after a rotation, the token just rotated may be presented
 * again (two tabs, a retried request) and answers the same successor — the successor is derived
 * from the token itself (HMAC with a key derived from JWT_ACCESS_SECRET), so it is recomputed, never
 * stored. Only the immediately previous token qualifies, and only while its successor is unused.
 */
@Injectable()
export class RefreshTokenService {
  private readonly logger = new Logger(RefreshTokenService.name);
  private readonly successorKey: Buffer;
  private readonly reuseIntervalMs: number;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly tokens: RefreshTokensRepository,
    private readonly audit: AuditLogRepository,
    private readonly denyList: SessionDenyList,
  ) {
    this.successorKey = Buffer.from(
      hkdfSync("sha256", config.auth.jwtAccessSecret, "", "portal refresh-token successor", 32),
    );
    this.reuseIntervalMs = config.auth.refreshReuseIntervalSeconds * 1000;
  }

  /**
   * Starts a new family (session) for `userId` and returns its first token; `client` is kept
   * with it for the session list (decision 0034).
   */
  async issue(userId: string, now: Date, client?: ClientInfo): Promise<IssuedRefreshToken> {
    const token = randomBytes(32).toString("base64url");
    const familyId = randomUUID();
    const expiresAt = new Date(now.getTime() + REFRESH_TOKEN_TTL_SECONDS * 1000);
    await this.tokens.insert({
      familyId,
      userId,
      tokenHash: digest(token),
      expiresAt,
      userAgent: client?.userAgent ?? null,
      ip: client?.ip ?? null,
    });
    return { token, userId, familyId, issuedAt: now, expiresAt };
  }

  /**
   * Exchanges `token` for its successor; within the reuse interval a just-rotated token answers
   * the same successor again.
   * @throws AppError UNAUTHENTICATED when the token is unknown, expired, or retired outside the
   *   reuse interval (then the family is revoked and denied first).
   */
  async rotate(token: string, now: Date, client: ClientInfo): Promise<IssuedRefreshToken> {
    const current = await this.tokens.findByHash(digest(token));
    if (!current) {
      throw sessionExpired();
    }
    if (current.rotatedAt && !current.revokedAt) {
      return this.replay(current, token, now, client);
    }
    if (current.revokedAt) {
      await this.revokeReusedFamily(current, client, now);
      throw sessionExpired();
    }
    if (current.expiresAt.getTime() <= now.getTime()) {
      throw sessionExpired();
    }
    const next = this.successorOf(token);
    const expiresAt = new Date(now.getTime() + REFRESH_TOKEN_TTL_SECONDS * 1000);
    const successor = await this.tokens.rotate(
      current.id,
      {
        familyId: current.familyId,
        userId: current.userId,
        tokenHash: digest(next),
        expiresAt,
        userAgent: client.userAgent,
        ip: client.ip,
      },
      now,
    );
    if (!successor) {
      // Another request rotated the same token a moment ago (two tabs): answer as it did.
      const rotated = await this.tokens.findById(current.id);
      if (rotated?.rotatedAt && !rotated.revokedAt) {
        return this.replay(rotated, token, now, client);
      }
      await this.revokeReusedFamily(current, client, now);
      throw sessionExpired();
    }
    return {
      token: next,
      userId: current.userId,
      familyId: current.familyId,
      issuedAt: now,
      expiresAt,
    };
  }

  /**
   * Revokes the family of `token` (logout) and denies its session, so its access tokens stop
   * working at once; unknown tokens are ignored.
   * @returns the user the token belonged to, or null.
   */
  async revoke(token: string, now: Date): Promise<string | null> {
    const current = await this.tokens.findByHash(digest(token));
    if (!current) {
      return null;
    }
    await this.tokens.revokeFamily(current.familyId, now);
    await this.denyList.deny(current.familyId);
    return current.userId;
  }

  /** The successor of `token`: the same token always has the same successor. */
  private successorOf(token: string): string {
    return createHmac("sha256", this.successorKey).update(token).digest("base64url");
  }

  /**
   * A rotated token presented again: the same successor when inside the reuse interval and the
   * successor is still the family's live token; reuse (family revoked) otherwise.
   */
  private async replay(
    rotated: RefreshTokenRow,
    token: string,
    now: Date,
    client: ClientInfo,
  ): Promise<IssuedRefreshToken> {
    const rotatedAt = rotated.rotatedAt ?? now;
    const next = this.successorOf(token);
    const successor = rotated.replacedBy
      ? await this.tokens.findById(rotated.replacedBy)
      : undefined;
    const replayable =
      now.getTime() - rotatedAt.getTime() < this.reuseIntervalMs &&
      successor !== undefined &&
      successor.tokenHash === digest(next) &&
      !successor.rotatedAt &&
      !successor.revokedAt &&
      successor.expiresAt.getTime() > now.getTime();
    if (!successor || !replayable) {
      await this.revokeReusedFamily(rotated, client, now);
      throw sessionExpired();
    }
    return {
      token: next,
      userId: successor.userId,
      familyId: successor.familyId,
      issuedAt: rotatedAt,
      expiresAt: successor.expiresAt,
    };
  }

  private async revokeReusedFamily(
    token: RefreshTokenRow,
    client: ClientInfo,
    now: Date,
  ): Promise<void> {
    const { familyId, userId } = token;
    const revoked = await this.tokens.revokeFamily(familyId, now);
    await this.denyList.deny(familyId);
    this.logger.warn({ userId, familyId, revoked }, "Refresh token reused; family revoked");
    await this.audit.record({
      event: "refresh_token_reused",
      userId,
      ...client,
      detail: { familyId, revoked },
    });
  }
}
