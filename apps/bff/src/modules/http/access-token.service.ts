import { Inject, Injectable } from "@nestjs/common";
import { errors, jwtVerify, SignJWT } from "jose";
import { APP_CONFIG } from "../config/config.module.js";
import { type AppConfig } from "../config/config.schema.js";
import { type AuthenticatedUser } from "./current-user.js";

/** Access tokens live 15 minutes (docs/api.md); the refresh token renews them. */
export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;

const ISSUER = "portal-bff";
const AUDIENCE = "portal";

/** A signed access token and when it stops being accepted. */
export interface IssuedAccessToken {
  token: string;
  expiresAt: Date;
}

/**
 * Issues and checks the `portal_at` access token: a JWT signed HS256 with JWT_ACCESS_SECRET,
 * `sub` = portal user id, 15 minutes. Source: RFC 7519; jose `SignJWT`/`jwtVerify`.
 */
@Injectable()
export class AccessTokenService {
  private readonly key: Uint8Array;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.key = new TextEncoder().encode(config.auth.jwtAccessSecret);
  }

  /** Signs a token for `userId`, valid from `now` for {@link ACCESS_TOKEN_TTL_SECONDS}. */
  async issue(userId: string, now: Date): Promise<IssuedAccessToken> {
    const issuedAt = Math.floor(now.getTime() / 1000);
    const expiresAt = new Date((issuedAt + ACCESS_TOKEN_TTL_SECONDS) * 1000);
    const token = await new SignJWT({})
      .setProtectedHeader({ alg: "HS256", typ: "JWT" })
      .setSubject(userId)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt(issuedAt)
      .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
      .sign(this.key);
    return { token, expiresAt };
  }

  /**
   * The user a token was issued to, or null when it is malformed, forged, expired or not ours.
   * @throws only unexpected errors (a JOSE failure means an invalid token, not an exception).
   */
  async verify(token: string): Promise<AuthenticatedUser | null> {
    try {
      const { payload } = await jwtVerify(token, this.key, {
        algorithms: ["HS256"],
        issuer: ISSUER,
        audience: AUDIENCE,
      });
      return payload.sub ? { id: payload.sub } : null;
    } catch (error) {
      if (error instanceof errors.JOSEError) {
        return null;
      }
      throw error;
    }
  }
}
