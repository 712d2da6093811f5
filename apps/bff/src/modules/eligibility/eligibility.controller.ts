import { Body, Controller, Get, HttpCode, Post } from "@nestjs/common";
import {
  type Eligibility,
  type EligibilityRequest,
  eligibilityRequestSchema,
} from "@portal/domain";
import { BodyLimit } from "../http/body-limit.js";
import { type AuthenticatedUser, CurrentUser } from "../http/current-user.js";
import { Idempotent } from "../http/idempotent.js";
import { ZodPipe } from "../http/zod.pipe.js";
import { EligibilityService } from "./eligibility.service.js";

/** `/api/eligibility` (docs/api.md "Routes"). */
@Controller("eligibility")
export class EligibilityController {
  constructor(private readonly eligibility: EligibilityService) {}

  /** `GET /api/eligibility` → `eligibilitySchema`. */
  @Get()
  current(@CurrentUser() user: AuthenticatedUser): Promise<Eligibility> {
    return this.eligibility.current(user.id);
  }

  /** `POST /api/eligibility` (`eligibilityRequestSchema`, `Idempotency-Key`) → 201 `eligibilitySchema`. */
  @Post()
  @HttpCode(201)
  @Idempotent()
  @BodyLimit(4 * 1024)
  request(
    @CurrentUser() user: AuthenticatedUser,
    @Body(new ZodPipe(eligibilityRequestSchema)) body: EligibilityRequest,
  ): Promise<Eligibility> {
    return this.eligibility.request(user.id, body);
  }
}
