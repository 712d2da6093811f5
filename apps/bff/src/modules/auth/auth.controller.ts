import { Body, Controller, Get, HttpCode, Post, Req, Res, UseInterceptors } from "@nestjs/common";
import {
  AUTH_COOKIES,
  loginRequestSchema,
  type LoginRequest,
  type MfaChallenge,
  type Session,
  signupRequestSchema,
  type SignupRequest,
  signupStartRequestSchema,
  type SignupStartRequest,
  type SignupStartResponse,
} from "@portal/domain";
import { type FastifyReply, type FastifyRequest } from "fastify";
import { Idempotent } from "../http/idempotent.js";
import { BodyLimit } from "../http/body-limit.js";
import { CsrfTokens } from "../http/csrf-tokens.js";
import { Public } from "../http/public.decorator.js";
import { ZodPipe } from "../http/zod.pipe.js";
import { AuthService } from "./auth.service.js";
import { type MailLocale, RequestLocale } from "../mail/mail-locale.js";
import { Client, type ClientInfo } from "./client-info.js";
import { EndSessionOnRefusalInterceptor } from "./end-session-on-refusal.interceptor.js";
import { SessionCookies } from "./session-cookies.js";
import { SignupService } from "./signup.service.js";

/**
 * `/api/auth/*` (docs/api.md "Routes"). Every POST here has passed the CSRF guard. Sign-up and
 * login start a session and therefore rotate the `portal_csrf` token to one bound to it
 * (decision 0017); a refresh keeps the session and its token.
 */
@Controller("auth")
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly signups: SignupService,
    private readonly cookies: SessionCookies,
    private readonly csrfTokens: CsrfTokens,
  ) {}

  /**
   * `GET /api/auth/csrf`: keeps the `portal_csrf` cookie when it is valid for the browser's
   * session, else sets a new one; returns its value.
   */
  @Get("csrf")
  @Public()
  async csrf(
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<{ csrfToken: string }> {
    const sessionId = await this.csrfTokens.sessionOf(request);
    const existing = request.cookies[AUTH_COOKIES.csrf];
    const csrfToken = this.csrfTokens.isValidFor(existing, sessionId)
      ? existing
      : this.csrfTokens.issue(sessionId);
    this.cookies.writeCsrf(reply, csrfToken);
    return { csrfToken };
  }

  /**
   * `POST /api/auth/signup/start` → 202: a verification code is on its way to the address — the
   * same answer whether or not the address has an account (decision 0037).
   */
  @Post("signup/start")
  @Public()
  @BodyLimit(1024)
  @HttpCode(202)
  startSignup(
    @Body(new ZodPipe(signupStartRequestSchema)) body: SignupStartRequest,
    @Client() client: ClientInfo,
    @RequestLocale() locale: MailLocale,
  ): Promise<SignupStartResponse> {
    return this.signups.start(body, client, locale);
  }

  /**
   * `POST /api/auth/signup` → 201 session + cookies. Honours `Idempotency-Key`, scoped to this
   * route since nobody is signed in yet (decision 0014); a replay carries no cookies.
   */
  @Post("signup")
  @Public()
  @BodyLimit(16 * 1024)
  @HttpCode(201)
  @Idempotent()
  async signup(
    @Body(new ZodPipe(signupRequestSchema)) body: SignupRequest,
    @Client() client: ClientInfo,
    @RequestLocale() locale: MailLocale,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Session> {
    const session = await this.signups.signup(body, client, locale);
    this.cookies.writeSession(reply, session, this.csrfTokens.issue(session.refreshToken.familyId));
    return session.body;
  }

  /**
   * `POST /api/auth/login` → 200 session + cookies, or 200 `{ mfaRequired, challengeId }` without
   * cookies when the user has 2FA on (decision 0033; the code goes to `POST /api/auth/login/mfa`).
   */
  @Post("login")
  @Public()
  @BodyLimit(4 * 1024)
  @HttpCode(200)
  async login(
    @Body(new ZodPipe(loginRequestSchema)) body: LoginRequest,
    @Client() client: ClientInfo,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Session | MfaChallenge> {
    const outcome = await this.auth.login(body, client);
    if ("mfaRequired" in outcome) {
      return outcome;
    }
    this.cookies.writeSession(reply, outcome, this.csrfTokens.issue(outcome.refreshToken.familyId));
    return outcome.body;
  }

  /** `POST /api/auth/refresh` (cookie `portal_rt`) → 200 session + rotated cookies; 401 clears them. */
  @Post("refresh")
  @Public()
  @BodyLimit(1024)
  @HttpCode(200)
  @UseInterceptors(EndSessionOnRefusalInterceptor)
  async refresh(
    @Client() client: ClientInfo,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Session> {
    const session = await this.auth.refresh(request.cookies[AUTH_COOKIES.refresh], client);
    const existing = request.cookies[AUTH_COOKIES.csrf];
    const sessionId = session.refreshToken.familyId;
    this.cookies.writeSession(
      reply,
      session,
      this.csrfTokens.isValidFor(existing, sessionId) ? existing : this.csrfTokens.issue(sessionId),
    );
    return session.body;
  }

  /** `POST /api/auth/logout` → 204, cookies cleared, refresh family revoked. */
  @Post("logout")
  @Public()
  @BodyLimit(1024)
  @HttpCode(204)
  async logout(
    @Client() client: ClientInfo,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    await this.auth.logout(request.cookies[AUTH_COOKIES.refresh], client);
    this.cookies.clear(reply);
  }
}
