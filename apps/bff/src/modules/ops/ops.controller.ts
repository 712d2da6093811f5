import { Controller, Get, HttpCode, Param, Post, Query, UseGuards } from "@nestjs/common";
import {
  type DeadLetterListQuery,
  deadLetterListQuerySchema,
  type DeadLetterParams,
  deadLetterParamsSchema,
  type DeadLetterRetry,
  type FulfilmentDeadLetter,
  type FulfilmentDeadLetterList,
} from "@portal/domain";
import { FulfilmentService } from "../fulfilment/fulfilment.service.js";
import { AppError } from "../http/app-error.js";
import { Public } from "../http/public.decorator.js";
import { ZodPipe } from "../http/zod.pipe.js";
import { OpsAuthGuard } from "./ops-auth.guard.js";

function noSuchDeadLetter(): AppError {
  return new AppError("NOT_FOUND", "There is no such dead-lettered fulfilment job.");
}

/**
 * `/api/ops/*`: operators' endpoints (contract §3 of issue 8), behind {@link OpsAuthGuard}
 * instead of a customer session; `npm run ops` calls them (scripts/ops.mjs).
 */
@Controller("ops")
@Public()
@UseGuards(OpsAuthGuard)
export class OpsController {
  constructor(private readonly fulfilment: FulfilmentService) {}

  /** `GET /api/ops/fulfilment/dead-letters?limit=` → `fulfilmentDeadLetterListSchema`. */
  @Get("fulfilment/dead-letters")
  async deadLetters(
    @Query(new ZodPipe(deadLetterListQuerySchema)) query: DeadLetterListQuery,
  ): Promise<FulfilmentDeadLetterList> {
    return { items: await this.fulfilment.deadLetters(query.limit) };
  }

  /** `GET /api/ops/fulfilment/dead-letters/:id` → `fulfilmentDeadLetterSchema`. @throws AppError NOT_FOUND */
  @Get("fulfilment/dead-letters/:id")
  async deadLetter(
    @Param(new ZodPipe(deadLetterParamsSchema)) params: DeadLetterParams,
  ): Promise<FulfilmentDeadLetter> {
    const letter = await this.fulfilment.deadLetter(params.id);
    if (!letter) throw noSuchDeadLetter();
    return letter;
  }

  /** `POST /api/ops/fulfilment/dead-letters/:id/retry` → 202 `deadLetterRetrySchema`. @throws AppError NOT_FOUND */
  @Post("fulfilment/dead-letters/:id/retry")
  @HttpCode(202)
  async retry(
    @Param(new ZodPipe(deadLetterParamsSchema)) params: DeadLetterParams,
  ): Promise<DeadLetterRetry> {
    const orderId = await this.fulfilment.retryDeadLetter(params.id);
    if (orderId === null) throw noSuchDeadLetter();
    return { orderId, queued: true };
  }
}
