import { type CanActivate, type ExecutionContext, Injectable } from "@nestjs/common";
import { AUTH_COOKIES, CSRF_HEADER } from "@portal/domain";
import { type FastifyRequest } from "fastify";
import { AppError } from "./app-error.js";
import { CsrfTokens, sameText } from "./csrf-tokens.js";

/** Methods that change state and therefore need the CSRF token. */
const UNSAFE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * Server-to-server callbacks authenticated by their own signature, and operators' endpoints
 * authenticated by a bearer token: neither relies on cookies a browser sends by itself.
 */
const EXEMPT_PREFIXES = ["/api/webhooks/", "/api/ops/"];

/**
 * Double-submit CSRF check (docs/api.md "Sessions, cookies and CSRF"; OWASP CSRF Prevention Cheat
 * Sheet "Signed Double Submit Cookie"): every POST/PUT/PATCH/DELETE outside `/api/webhooks/*` and `/api/ops/*` must
 * carry header `X-CSRF-Token` equal to the `portal_csrf` cookie, and the token must be one this
 * server issued for the request's session ({@link CsrfTokens}). A cross-site page can make the
 * browser send the cookie but cannot read it to copy it into the header, and a token planted
 * before login does not survive it.
 * @throws AppError CSRF_INVALID (403): the portal then fetches `GET /api/auth/csrf` once and retries.
 */
@Injectable()
export class CsrfGuard implements CanActivate {
  constructor(private readonly tokens: CsrfTokens) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    if (
      !UNSAFE_METHODS.has(request.method) ||
      EXEMPT_PREFIXES.some((prefix) => request.url.startsWith(prefix))
    ) {
      return true;
    }
    const cookie = request.cookies[AUTH_COOKIES.csrf];
    const header = request.headers[CSRF_HEADER];
    if (
      typeof header === "string" &&
      cookie &&
      sameText(header, cookie) &&
      this.tokens.isValidFor(cookie, await this.tokens.sessionOf(request))
    ) {
      return true;
    }
    throw new AppError(
      "CSRF_INVALID",
      "Your security token is missing or out of date. Reload the page and try again.",
    );
  }
}
