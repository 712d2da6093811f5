import { Module } from "@nestjs/common";
import { FulfilmentModule } from "../fulfilment/fulfilment.module.js";
import { OpsAuthGuard } from "./ops-auth.guard.js";
import { OpsController } from "./ops.controller.js";

/**
 * Operators' endpoints under `/api/ops` (issue 8 "Operations"; contract §3), behind
 * `OPS_API_TOKEN`: the fulfilment dead-letter queue — list, inspect, retry. Exports the guard for
 * other operator endpoints (the Pub/Sub replay, added at merge).
 */
@Module({
  imports: [FulfilmentModule],
  controllers: [OpsController],
  providers: [OpsAuthGuard],
  exports: [OpsAuthGuard],
})
export class OpsModule {}
