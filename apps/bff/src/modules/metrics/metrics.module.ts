import { Global, Module } from "@nestjs/common";
import { MetricsService } from "./metrics.service.js";

/**
 * Prometheus metrics (DESIGN.md §2 infrastructure `metrics`): `MetricsService` is the API the
 * other modules call; `registerMetrics` (bootstrap) counts HTTP requests and serves `GET /metrics`.
 */
@Global()
@Module({ providers: [MetricsService], exports: [MetricsService] })
export class MetricsModule {}
