import { Body, Controller, Get, HttpCode, Post, Req, Res, UseInterceptors } from "@nestjs/common";
import {
  AUTH_COOKIES,
  loginRequestSchema,
  type LoginRequest,
  type Session,
  signupRequestSchema,
  type SignupRequest,
} from "@portal/domain";
import { type FastifyReply, type FastifyRequest } from "fastify";
import { Idempotent } from "../http/idempotent.js";
import { ZodPipe } from "../http/zod.pipe.js";
import { AuthService } from "./auth.service.js";
import { Client, type ClientInfo } from "./client-info.js";
import { isCsrfToken, newCsrfToken } from "./csrf-token.js";
import { EndSessionOnRefusalInterceptor } from "./end-session-on-refusal.interceptor.js";
import { SessionCookies } from "./session-cookies.js";
import { SignupService } from "./signup.service.js";

/**
 * `/api/auth/*` (docs/api.md "Routes"). Every POST here has passed the CSRF guard, so the request's
 * `portal_csrf` cookie is valid and is kept for the new session.
 */
@Controller("auth")
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly signups: SignupService,
    private readonly cookies: SessionCookies,
  ) {}

  /** `GET /api/auth/csrf`: sets (or keeps) the `portal_csrf` cookie and returns its value. */
  @Get("csrf")
  csrf(
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): { csrfToken: string } {
    const existing = request.cookies[AUTH_COOKIES.csrf];
    const csrfToken = isCsrfToken(existing) ? existing : newCsrfToken();
    this.cookies.writeCsrf(reply, csrfToken);
    return { csrfToken };
  }

  /**
   * `POST /api/auth/signup` → 201 session + cookies. Honours `Idempotency-Key`, scoped to this
   * route since nobody is signed in yet (decision 0014); a replay carries no cookies.
   */
  @Post("signup")
  @HttpCode(201)
  @Idempotent()
  async signup(
    @Body(new ZodPipe(signupRequestSchema)) body: SignupRequest,
    @Client() client: ClientInfo,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Session> {
    const session = await this.signups.signup(body, client);
    this.cookies.writeSession(reply, session, csrfOf(request));
    return session.body;
  }

  /** `POST /api/auth/login` → 200 session + cookies. */
  @Post("login")
  @HttpCode(200)
  async login(
    @Body(new ZodPipe(loginRequestSchema)) body: LoginRequest,
    @Client() client: ClientInfo,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Session> {
    const session = await this.auth.login(body, client);
    this.cookies.writeSession(reply, session, csrfOf(request));
    return session.body;
  }

  /** `POST /api/auth/refresh` (cookie `portal_rt`) → 200 session + rotated cookies; 401 clears them. */
  @Post("refresh")
  @HttpCode(200)
  @UseInterceptors(EndSessionOnRefusalInterceptor)
  async refresh(
    @Client() client: ClientInfo,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Session> {
    const session = await this.auth.refresh(request.cookies[AUTH_COOKIES.refresh], client);
    this.cookies.writeSession(reply, session, csrfOf(request));
    return session.body;
  }

  /** `POST /api/auth/logout` → 204, cookies cleared, refresh family revoked. */
  @Post("logout")
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

/** The request's CSRF token (present: the CSRF guard admitted the request). */
function csrfOf(request: FastifyRequest): string {
  return request.cookies[AUTH_COOKIES.csrf] ?? newCsrfToken();
}
