import { Body, Controller, HttpCode, Post } from "@nestjs/common";
import {
  emailChangeConfirmRequestSchema,
  type EmailChangeConfirmRequest,
  emailChangeRequestSchema,
  type EmailChangeRequest,
  type EmailChangeStarted,
} from "@portal/domain";
import { Client, type ClientInfo } from "../auth/client-info.js";
import { BodyLimit } from "../http/body-limit.js";
import { type AuthenticatedUser, CurrentUser } from "../http/current-user.js";
import { Idempotent } from "../http/idempotent.js";
import { ZodPipe } from "../http/zod.pipe.js";
import { EmailChangeService } from "./email-change.service.js";

/** The verified e-mail change (declared in `email-change.routes.ts`; decision 0042). */
@Controller("me/email")
export class EmailChangeController {
  constructor(private readonly emailChanges: EmailChangeService) {}

  /** `POST /api/me/email` → 202 `emailChangeStartedSchema`; a code goes to the new address. */
  @Post()
  @BodyLimit(1024)
  @HttpCode(202)
  start(
    @CurrentUser() user: AuthenticatedUser,
    @Body(new ZodPipe(emailChangeRequestSchema)) body: EmailChangeRequest,
    @Client() client: ClientInfo,
  ): Promise<EmailChangeStarted> {
    return this.emailChanges.start(user, body, client);
  }

  /**
   * `POST /api/me/email/confirm` → 204 once WHMCS and the portal hold the new address. Honours
   * `Idempotency-Key`: a retry of a change that went through answers the same 204.
   */
  @Post("confirm")
  @BodyLimit(1024)
  @HttpCode(204)
  @Idempotent()
  async confirm(
    @CurrentUser() user: AuthenticatedUser,
    @Body(new ZodPipe(emailChangeConfirmRequestSchema)) body: EmailChangeConfirmRequest,
    @Client() client: ClientInfo,
  ): Promise<void> {
    await this.emailChanges.confirm(user, body, client);
  }
}
