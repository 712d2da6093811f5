import { Body, Controller, HttpCode, Post, Req, Res } from "@nestjs/common";
import {
  MIGRATION_TICKET_COOKIE,
  migrateRequestSchema,
  type MigrateRequest,
  type MigrationStarted,
  type Session,
  setPasswordRequestSchema,
  type SetPasswordRequest,
} from "@portal/domain";
import { type FastifyReply, type FastifyRequest } from "fastify";
import { BodyLimit } from "../http/body-limit.js";
import { CsrfTokens } from "../http/csrf-tokens.js";
import { Idempotent } from "../http/idempotent.js";
import { Public } from "../http/public.decorator.js";
import { ZodPipe } from "../http/zod.pipe.js";
import { Client, type ClientInfo } from "./client-info.js";
import { MigrationTicketCookie } from "./migration-ticket-cookie.js";
import { MigrationService } from "./migration.service.js";
import { SessionCookies } from "./session-cookies.js";

/**
 * `/api/auth/migrate` and `/api/auth/set-password`: existing WHMCS customers moving to the
 * portal (seeds "Login/Linking"; decisions 0035, 0036). Both are public (nobody is signed in),
 * pass the CSRF guard and count against the auth rate limit like every `/api/auth/*` route.
 */
@Controller("auth")
export class MigrationController {
  constructor(
    private readonly migrations: MigrationService,
    private readonly ticketCookie: MigrationTicketCookie,
    private readonly cookies: SessionCookies,
    private readonly csrfTokens: CsrfTokens,
  ) {}

  /**
   * `POST /api/auth/migrate` → 200 with the email and customer number the portal account will
   * have; the migration ticket goes into the HttpOnly cookie `portal_migration`.
   */
  @Post("migrate")
  @Public()
  @BodyLimit(4 * 1024)
  @HttpCode(200)
  async migrate(
    @Body(new ZodPipe(migrateRequestSchema)) body: MigrateRequest,
    @Client() client: ClientInfo,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<MigrationStarted> {
    const started = await this.migrations.migrate(body, client);
    this.ticketCookie.write(reply, started.ticket);
    return started.body;
  }

  /**
   * `POST /api/auth/set-password` (cookie `portal_migration`) → 201 session + cookies, the
   * ticket cookie cleared. Honours `Idempotency-Key` (it creates the portal user and writes to
   * Salesforce); a replay carries no cookies, as for sign-up (decision 0014).
   */
  @Post("set-password")
  @Public()
  @BodyLimit(4 * 1024)
  @HttpCode(201)
  @Idempotent()
  async setPassword(
    @Body(new ZodPipe(setPasswordRequestSchema)) body: SetPasswordRequest,
    @Client() client: ClientInfo,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Session> {
    const session = await this.migrations.setPassword(
      request.cookies[MIGRATION_TICKET_COOKIE],
      body.password,
      client,
    );
    this.ticketCookie.clear(reply);
    this.cookies.writeSession(reply, session, this.csrfTokens.issue(session.refreshToken.familyId));
    return session.body;
  }
}
