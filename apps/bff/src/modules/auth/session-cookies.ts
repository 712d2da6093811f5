import { type CookieSerializeOptions } from "@fastify/cookie";
import { Inject, Injectable } from "@nestjs/common";
import { AUTH_COOKIES } from "@portal/domain";
import { type FastifyReply } from "fastify";
import { APP_CONFIG } from "../config/config.module.js";
import { type AppConfig } from "../config/config.schema.js";
import { REFRESH_TOKEN_TTL_SECONDS } from "./refresh-token.service.js";
import { type IssuedSession } from "./session.service.js";

/** The refresh token is only ever sent to the auth routes. */
const REFRESH_COOKIE_PATH = "/api/auth";

/**
 * Writes and clears the three session cookies exactly as docs/api.md "Sessions, cookies and CSRF"
 * fixes them: `portal_at` (HttpOnly, `/`, Lax; the cookie lives 7 days, the JWT in it 15 min), `portal_rt` (HttpOnly, `/api/auth`,
 * Strict, 7 days), `portal_csrf` (readable by the page, `/`, Lax); `Secure` when COOKIE_SECURE.
 */
@Injectable()
export class SessionCookies {
  private readonly secure: boolean;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.secure = config.auth.cookieSecure;
  }

  /** Sets the access and refresh cookies of `session` and (re)sets the CSRF cookie to `csrfToken`. */
  writeSession(reply: FastifyReply, session: IssuedSession, csrfToken: string): void {
    // The cookie outlives the JWT inside it (15 min) so the portal's route guard still sees a
    // returning browser; an expired JWT answers 401 and the client refreshes once.
    void reply.setCookie(AUTH_COOKIES.access, session.accessToken.token, {
      ...this.base("lax", "/"),
      httpOnly: true,
      maxAge: REFRESH_TOKEN_TTL_SECONDS,
    });
    void reply.setCookie(AUTH_COOKIES.refresh, session.refreshToken.token, {
      ...this.base("strict", REFRESH_COOKIE_PATH),
      httpOnly: true,
      maxAge: REFRESH_TOKEN_TTL_SECONDS,
    });
    this.writeCsrf(reply, csrfToken);
  }

  /** Sets the CSRF cookie; it lives as long as a refresh token so a returning browser has one. */
  writeCsrf(reply: FastifyReply, csrfToken: string): void {
    void reply.setCookie(AUTH_COOKIES.csrf, csrfToken, {
      ...this.base("lax", "/"),
      httpOnly: false,
      maxAge: REFRESH_TOKEN_TTL_SECONDS,
    });
  }

  /** Expires all three cookies (logout). */
  clear(reply: FastifyReply): void {
    void reply.clearCookie(AUTH_COOKIES.access, this.base("lax", "/"));
    void reply.clearCookie(AUTH_COOKIES.refresh, this.base("strict", REFRESH_COOKIE_PATH));
    void reply.clearCookie(AUTH_COOKIES.csrf, this.base("lax", "/"));
  }

  private base(sameSite: "lax" | "strict", path: string): CookieSerializeOptions {
    return { path, sameSite, secure: this.secure };
  }
}
