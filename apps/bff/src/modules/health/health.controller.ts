import { Controller, Get, Res } from "@nestjs/common";
import { type HealthReport } from "@portal/domain";
import { type FastifyReply } from "fastify";
import { Public } from "../http/public.decorator.js";
import { HealthService } from "./health.service.js";

/** `GET /api/health` → 200 (ok/degraded) or 503 (down) with `healthReportSchema`. */
@Controller("health")
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Get()
  @Public()
  async report(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthReport> {
    const report = await this.health.report();
    void reply.status(report.status === "down" ? 503 : 200);
    return report;
  }
}
