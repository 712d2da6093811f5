import { createSecretKey, type KeyObject } from "node:crypto";
import { Inject, Injectable } from "@nestjs/common";
import { errors, jwtVerify, SignJWT, type JWTPayload } from "jose";
import { LRUCache } from "lru-cache";
import { z } from "zod";
import { APP_CONFIG } from "../config/config.module.js";
import { type AppConfig } from "../config/config.schema.js";
import { type AuthenticatedUser } from "./current-user.js";

/** Access tokens live 15 minutes (docs/api.md); the refresh token renews them. */
export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;

/**
 * Tokens remembered as verified (about 0.5 KiB each): enough for every browser active in one
 * 15-minute window of a replica; a token pushed out is simply verified again.
 */
const VERIFIED_TOKENS_MAX = 20_000;

const ISSUER = "portal-bff";
const AUDIENCE = "portal";

/**
 * The claims we read, checked after the signature: a token signed with our key but naming no
 * user or session in the expected shape (a bug, an old format, a leaked key) is refused like a
 * forged one — answered 401, never handed to a database query as a malformed uuid.
 */
const claimsSchema = z.object({ sub: z.uuid(), sid: z.uuid() });

/** A signed access token and when it stops being accepted. */
export interface IssuedAccessToken {
  token: string;
  expiresAt: Date;
}

/**
 * Issues and checks the `portal_at` access token: a JWT signed HS256 with JWT_ACCESS_SECRET,
 * `sub` = portal user id, `sid` = session id (the refresh-token family, checked against the
 * deny-list on every request; decision 0017), 15 minutes. Source: RFC 7519; jose
 * `SignJWT`/`jwtVerify`.
 *
 * A token that verified once is remembered until it expires (decision 0029): the same browser
 * sends the same token with every request for 15 minutes, and comparing the exact string costs
 * microseconds where HMAC, JSON and claim checks cost a quarter of a millisecond. Only
 * {@link verify} answers from memory; the deny-list is still checked on every request by the guard.
 */
@Injectable()
export class AccessTokenService {
  private readonly key: KeyObject;
  /** Token → the user it names and its expiry (epoch ms), for tokens that verified. */
  private readonly verified = new LRUCache<string, { user: AuthenticatedUser; expiresAt: number }>({
    max: VERIFIED_TOKENS_MAX,
  });

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    // One key object for every signature (jose would otherwise import the raw bytes each time).
    this.key = createSecretKey(Buffer.from(config.auth.jwtAccessSecret, "utf8"));
  }

  /**
   * Signs a token for `user`, valid from `issuedAt` for {@link ACCESS_TOKEN_TTL_SECONDS}. The
   * token is a pure function of its inputs (HS256 is deterministic), which is what lets a refresh
   * replayed within the reuse interval answer the very same pair.
   */
  async issue(user: AuthenticatedUser, issuedAt: Date): Promise<IssuedAccessToken> {
    const iat = Math.floor(issuedAt.getTime() / 1000);
    const expiresAt = new Date((iat + ACCESS_TOKEN_TTL_SECONDS) * 1000);
    const token = await new SignJWT({ sid: user.sessionId })
      .setProtectedHeader({ alg: "HS256", typ: "JWT" })
      .setSubject(user.id)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt(iat)
      .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
      .sign(this.key);
    return { token, expiresAt };
  }

  /**
   * The user and session a token was issued to, or null when it is malformed, forged, expired,
   * not ours, or carries claims of the wrong shape.
   * @throws only unexpected errors (a JOSE failure means an invalid token, not an exception).
   */
  async verify(token: string): Promise<AuthenticatedUser | null> {
    const remembered = this.verified.get(token);
    if (remembered) {
      if (remembered.expiresAt > Date.now()) {
        return remembered.user;
      }
      this.verified.delete(token);
    }
    const payload = await this.payload(token, false);
    const user = claimsOf(payload);
    if (user && payload?.exp !== undefined) {
      this.verified.set(token, { user, expiresAt: payload.exp * 1000 });
    }
    return user;
  }

  /**
   * When `token` expires, for a token {@link verify} accepts; null for any other. Long-lived
   * answers (server-sent events) end then, so a stream never outlives its access token.
   */
  async expiryOf(token: string): Promise<Date | null> {
    if (!(await this.verify(token))) {
      return null;
    }
    const remembered = this.verified.get(token);
    return remembered ? new Date(remembered.expiresAt) : null;
  }

  /**
   * Like {@link verify}, but also accepts a token past its expiry (signature and claims still
   * checked): which session a browser belongs to outlives the 15 minutes of its access token —
   * the CSRF binding needs it on the refresh that renews the token.
   */
  async sessionOf(token: string): Promise<AuthenticatedUser | null> {
    return claimsOf(await this.payload(token, true));
  }

  private async payload(token: string, acceptExpired: boolean): Promise<JWTPayload | null> {
    try {
      const { payload } = await jwtVerify(token, this.key, {
        algorithms: ["HS256"],
        issuer: ISSUER,
        audience: AUDIENCE,
      });
      return payload;
    } catch (error) {
      // jose checks the signature before the claims, so an expired token's payload is authentic.
      if (acceptExpired && error instanceof errors.JWTExpired) {
        return error.payload;
      }
      if (error instanceof errors.JOSEError) {
        return null;
      }
      throw error;
    }
  }
}

function claimsOf(payload: JWTPayload | null): AuthenticatedUser | null {
  const claims = claimsSchema.safeParse(payload);
  return claims.success ? { id: claims.data.sub, sessionId: claims.data.sid } : null;
}
