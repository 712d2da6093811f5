import { createHmac, hkdfSync, randomBytes, timingSafeEqual } from "node:crypto";
import { Inject, Injectable } from "@nestjs/common";
import { AUTH_COOKIES } from "@portal/domain";
import { type FastifyRequest } from "fastify";
import { APP_CONFIG } from "../config/config.module.js";
import { type AppConfig } from "../config/config.schema.js";
import { AccessTokenService } from "./access-token.service.js";

/** What a signed-out browser's tokens are bound to. */
const NO_SESSION = "anonymous";

/** `<nonce>.<mac>`: 16 random bytes and an HMAC-SHA256, both base64url. */
const TOKEN_SHAPE = /^([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{43})$/;

/**
 * CSRF tokens bound to the session (OWASP CSRF Prevention Cheat Sheet, "Signed Double-Submit
 * Cookie"; DESIGN.md §7; decision 0017): a token is a random nonce plus an HMAC over the session id
 * (the refresh-token family named by the `portal_at` cookie, or "anonymous" when signed out) and
 * the nonce, keyed from JWT_ACCESS_SECRET. Login and sign-up issue a new token for the new
 * session, so a token chosen before login — even one an attacker planted in the cookie — stops
 * working at login, and a token of one session is refused in another.
 */
@Injectable()
export class CsrfTokens {
  private readonly key: Buffer;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly accessTokens: AccessTokenService,
  ) {
    this.key = Buffer.from(
      hkdfSync("sha256", config.auth.jwtAccessSecret, "", "portal csrf token", 32),
    );
  }

  /** A new token for session `sessionId` (null: signed out). */
  issue(sessionId: string | null): string {
    const nonce = randomBytes(16).toString("base64url");
    return `${nonce}.${this.mac(sessionId, nonce)}`;
  }

  /** Whether `token` was issued by this server for session `sessionId` (null: signed out). */
  isValidFor(token: string | undefined, sessionId: string | null): token is string {
    const match = token === undefined ? null : TOKEN_SHAPE.exec(token);
    if (!match) {
      return false;
    }
    const [, nonce = "", mac = ""] = match;
    return sameText(mac, this.mac(sessionId, nonce));
  }

  /**
   * The session `request` belongs to: the `sid` of its `portal_at` cookie when that is a token we
   * signed, expired or not (the refresh that renews it is a mutation too), else null.
   */
  async sessionOf(request: FastifyRequest): Promise<string | null> {
    const accessToken = request.cookies[AUTH_COOKIES.access];
    const user = accessToken ? await this.accessTokens.sessionOf(accessToken) : null;
    return user?.sessionId ?? null;
  }

  private mac(sessionId: string | null, nonce: string): string {
    return createHmac("sha256", this.key)
      .update(`${sessionId ?? NO_SESSION}.${nonce}`)
      .digest("base64url");
  }
}

/** Constant-time comparison of two strings. */
export function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
