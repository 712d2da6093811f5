import { Body, Controller, Delete, Get, HttpCode, Param, Post } from "@nestjs/common";
import {
  type AccountSessionList,
  type EndedSessions,
  passwordChangeRequestSchema,
  type PasswordChangeRequest,
  type SecurityActivity,
  sessionIdParamsSchema,
  type SessionIdParams,
} from "@portal/domain";
import { BodyLimit } from "../http/body-limit.js";
import { type AuthenticatedUser, CurrentUser } from "../http/current-user.js";
import { ZodPipe } from "../http/zod.pipe.js";
import { AccountSessionsService } from "./account-sessions.service.js";
import { Client, type ClientInfo } from "./client-info.js";
import { PasswordChangeService } from "./password-change.service.js";
import { SecurityActivityService } from "./security-activity.service.js";

/**
 * The signed-in user's security settings (`/account/security`; declared in
 * `account-security.routes.ts`): password change, sessions, security activity.
 */
@Controller("auth")
export class AccountSecurityController {
  constructor(
    private readonly passwords: PasswordChangeService,
    private readonly sessions: AccountSessionsService,
    private readonly activity: SecurityActivityService,
  ) {}

  /** `POST /api/auth/password/change` → 204; every other session ends. */
  @Post("password/change")
  @BodyLimit(1024)
  @HttpCode(204)
  async changePassword(
    @CurrentUser() user: AuthenticatedUser,
    @Body(new ZodPipe(passwordChangeRequestSchema)) body: PasswordChangeRequest,
    @Client() client: ClientInfo,
  ): Promise<void> {
    await this.passwords.change(user, body, client);
  }

  /** `GET /api/auth/sessions` → the live sessions, the caller's marked `current`. */
  @Get("sessions")
  async listSessions(@CurrentUser() user: AuthenticatedUser): Promise<AccountSessionList> {
    return { sessions: await this.sessions.list(user) };
  }

  /** `POST /api/auth/sessions/end-others` → how many sessions ended. */
  @Post("sessions/end-others")
  @BodyLimit(1024)
  @HttpCode(200)
  async endOthers(
    @CurrentUser() user: AuthenticatedUser,
    @Client() client: ClientInfo,
  ): Promise<EndedSessions> {
    return { ended: await this.sessions.endOthers(user, client) };
  }

  /** `DELETE /api/auth/sessions/:id` → 204; another user's or an ended session → 404. */
  @Delete("sessions/:id")
  @BodyLimit(1024)
  @HttpCode(204)
  async endSession(
    @CurrentUser() user: AuthenticatedUser,
    @Param(new ZodPipe(sessionIdParamsSchema)) params: SessionIdParams,
    @Client() client: ClientInfo,
  ): Promise<void> {
    await this.sessions.end(user, params.id, client);
  }

  /** `GET /api/auth/activity` → the caller's last 50 security events, newest first. */
  @Get("activity")
  async securityActivity(@CurrentUser() user: AuthenticatedUser): Promise<SecurityActivity> {
    return { events: await this.activity.recent(user.id) };
  }
}
