import { Body, Controller, Get, HttpCode, Post, Res } from "@nestjs/common";
import {
  loginMfaRequestSchema,
  type LoginMfaRequest,
  type MfaStatus,
  type RecoveryCodes,
  type Session,
  totpConfirmRequestSchema,
  type TotpConfirmRequest,
  totpDisableRequestSchema,
  type TotpDisableRequest,
  type TotpEnrolment,
} from "@portal/domain";
import { type FastifyReply } from "fastify";
import { BodyLimit } from "../http/body-limit.js";
import { CsrfTokens } from "../http/csrf-tokens.js";
import { type AuthenticatedUser, CurrentUser } from "../http/current-user.js";
import { Public } from "../http/public.decorator.js";
import { ZodPipe } from "../http/zod.pipe.js";
import { Client, type ClientInfo } from "./client-info.js";
import { MfaService } from "./mfa.service.js";
import { SessionCookies } from "./session-cookies.js";

/**
 * `/api/auth/mfa/*` and `/api/auth/login/mfa` (decision 0033; declared in `mfa.routes.ts`):
 * TOTP two-factor authentication for the signed-in user, and the login's second step.
 */
@Controller("auth")
export class MfaController {
  constructor(
    private readonly mfa: MfaService,
    private readonly cookies: SessionCookies,
    private readonly csrfTokens: CsrfTokens,
  ) {}

  /** `GET /api/auth/mfa` → whether 2FA is on and the recovery codes left. */
  @Get("mfa")
  status(@CurrentUser() user: AuthenticatedUser): Promise<MfaStatus> {
    return this.mfa.status(user.id);
  }

  /** `POST /api/auth/mfa/totp/enrol` → 200 a pending secret with its QR code. */
  @Post("mfa/totp/enrol")
  @BodyLimit(1024)
  @HttpCode(200)
  enrol(@CurrentUser() user: AuthenticatedUser): Promise<TotpEnrolment> {
    return this.mfa.enrol(user);
  }

  /** `POST /api/auth/mfa/totp/confirm` → 200 the ten recovery codes, shown once. */
  @Post("mfa/totp/confirm")
  @BodyLimit(1024)
  @HttpCode(200)
  confirm(
    @CurrentUser() user: AuthenticatedUser,
    @Body(new ZodPipe(totpConfirmRequestSchema)) body: TotpConfirmRequest,
    @Client() client: ClientInfo,
  ): Promise<RecoveryCodes> {
    return this.mfa.confirm(user, body.code, client);
  }

  /** `POST /api/auth/mfa/totp/disable` → 204. */
  @Post("mfa/totp/disable")
  @BodyLimit(1024)
  @HttpCode(204)
  async disable(
    @CurrentUser() user: AuthenticatedUser,
    @Body(new ZodPipe(totpDisableRequestSchema)) body: TotpDisableRequest,
    @Client() client: ClientInfo,
  ): Promise<void> {
    await this.mfa.disable(user, body.password, body.code, client);
  }

  /** `POST /api/auth/login/mfa` → 200 session + cookies (the login's second step). */
  @Post("login/mfa")
  @Public()
  @BodyLimit(1024)
  @HttpCode(200)
  async loginMfa(
    @Body(new ZodPipe(loginMfaRequestSchema)) body: LoginMfaRequest,
    @Client() client: ClientInfo,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Session> {
    const session = await this.mfa.completeLogin(body.challengeId, body.code, client);
    this.cookies.writeSession(reply, session, this.csrfTokens.issue(session.refreshToken.familyId));
    return session.body;
  }
}
