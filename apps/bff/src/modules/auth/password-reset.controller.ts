import { Body, Controller, HttpCode, Post } from "@nestjs/common";
import {
  passwordForgotRequestSchema,
  type PasswordForgotRequest,
  passwordResetRequestSchema,
  type PasswordResetRequest,
} from "@portal/domain";
import { BodyLimit } from "../http/body-limit.js";
import { Public } from "../http/public.decorator.js";
import { ZodPipe } from "../http/zod.pipe.js";
import { Client, type ClientInfo } from "./client-info.js";
import { PasswordResetService } from "./password-reset.service.js";

/** Password reset by e-mail (declared in `password-reset.routes.ts`; decision 0041). */
@Controller("auth/password")
export class PasswordResetController {
  constructor(private readonly resets: PasswordResetService) {}

  /** `POST /api/auth/password/forgot` → 202 always (no account enumeration). */
  @Post("forgot")
  @Public()
  @BodyLimit(1024)
  @HttpCode(202)
  async forgot(
    @Body(new ZodPipe(passwordForgotRequestSchema)) body: PasswordForgotRequest,
    @Client() client: ClientInfo,
  ): Promise<void> {
    await this.resets.request(body, client);
  }

  /** `POST /api/auth/password/reset` → 204; every session of the user ends. */
  @Post("reset")
  @Public()
  @BodyLimit(1024)
  @HttpCode(204)
  async reset(
    @Body(new ZodPipe(passwordResetRequestSchema)) body: PasswordResetRequest,
    @Client() client: ClientInfo,
  ): Promise<void> {
    await this.resets.reset(body, client);
  }
}
