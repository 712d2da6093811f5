import { Module } from "@nestjs/common";
import { HealthController } from "./health.controller.js";
import { HealthService } from "./health.service.js";

/** Readiness of the BFF and its dependencies. */
@Module({
  controllers: [HealthController],
  providers: [HealthService],
})
export class HealthModule {}
