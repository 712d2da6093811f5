import { Controller, Get } from "@nestjs/common";
import { type SfEventsHealth } from "@portal/domain";
import { Public } from "../http/public.decorator.js";
import { SfEventsService } from "./sf-events.service.js";

/** `GET /api/health/sf-events` → 200 with `sfEventsHealthSchema`. */
@Controller("health/sf-events")
export class SfEventsController {
  constructor(private readonly sfEvents: SfEventsService) {}

  @Get()
  @Public()
  health(): Promise<SfEventsHealth> {
    return this.sfEvents.health();
  }
}
