import { Inject, Injectable } from "@nestjs/common";
import { MIGRATION_TICKET_COOKIE } from "@portal/domain";
import { type FastifyReply } from "fastify";
import { APP_CONFIG } from "../config/config.module.js";
import { type AppConfig } from "../config/config.schema.js";
import { MIGRATION_TICKET_TTL_MS } from "./migration-tickets.js";

/** Only the auth routes ever receive the ticket. */
const PATH = "/api/auth";

/**
 * The migration ticket cookie (decision 0035): HttpOnly (page scripts never see the ticket),
 * Path `/api/auth`, SameSite Strict, 15 minutes like the ticket; `Secure` when COOKIE_SECURE.
 */
@Injectable()
export class MigrationTicketCookie {
  private readonly secure: boolean;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.secure = config.auth.cookieSecure;
  }

  /** Sets the cookie to `ticket`. */
  write(reply: FastifyReply, ticket: string): void {
    void reply.setCookie(MIGRATION_TICKET_COOKIE, ticket, {
      path: PATH,
      sameSite: "strict",
      secure: this.secure,
      httpOnly: true,
      maxAge: MIGRATION_TICKET_TTL_MS / 1000,
    });
  }

  /** Expires the cookie (the ticket was used). */
  clear(reply: FastifyReply): void {
    void reply.clearCookie(MIGRATION_TICKET_COOKIE, {
      path: PATH,
      sameSite: "strict",
      secure: this.secure,
      httpOnly: true,
    });
  }
}
