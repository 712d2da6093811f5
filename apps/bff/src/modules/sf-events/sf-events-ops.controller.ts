import { Body, Controller, HttpCode, Post, UseGuards } from "@nestjs/common";
import {
  type SfEventsReplayAccepted,
  type SfEventsReplayRequest,
  sfEventsReplayRequestSchema,
} from "@portal/domain";
import { Public } from "../http/public.decorator.js";
import { ZodPipe } from "../http/zod.pipe.js";
import { OpsAuthGuard } from "../ops/ops-auth.guard.js";
import { SfEventsService } from "./sf-events.service.js";

/**
 * `/api/ops/sf-events/*`: operators' commands for the Salesforce event subscriber (issue-8
 * contract §3), behind {@link OpsAuthGuard} (`Authorization: Bearer <OPS_API_TOKEN>`).
 */
@Controller("ops/sf-events")
@Public()
@UseGuards(OpsAuthGuard)
export class SfEventsOpsController {
  constructor(private readonly sfEvents: SfEventsService) {}

  /**
   * `POST /api/ops/sf-events/replay` `{ topic, replayId }` → 202 `sfEventsReplayAcceptedSchema`.
   * @throws AppError VALIDATION_FAILED naming `topic` when it is not a subscribed topic.
   */
  @Post("replay")
  @HttpCode(202)
  async replay(
    @Body(new ZodPipe(sfEventsReplayRequestSchema)) body: SfEventsReplayRequest,
  ): Promise<SfEventsReplayAccepted> {
    await this.sfEvents.replayFrom(body.topic, body.replayId);
    return { topic: body.topic, replayId: body.replayId, requested: true };
  }
}
