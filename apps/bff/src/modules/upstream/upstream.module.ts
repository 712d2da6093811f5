import { Global, Module } from "@nestjs/common";
import { FreebitClient } from "@portal/freebit";
import { SalesforceClient } from "@portal/salesforce";
import { WhmcsClient } from "@portal/whmcs";
import { APP_CONFIG } from "../config/config.module.js";
import {
  createFreebitClient,
  createSalesforceClient,
  createWhmcsClient,
} from "./upstream-clients.js";
import { MetricsService } from "../metrics/metrics.service.js";
import { UPSTREAM_OBSERVER } from "./upstream-observer.js";

/**
 * The clients of the systems of record, built once from the configuration on the upstream kit
 * (`@portal/integration-core`): each owns its throttle, timeouts and read retries, and reports
 * every call to the `UPSTREAM_OBSERVER`: the metrics module's, so each call lands in the
 * `upstream_*` Prometheus metrics (docs/operations/metrics.md). Services inject the
 * client classes and call their resource facades (`whmcs.billing.getInvoices`,
 * `salesforce.accounts.get`, …).
 */
@Global()
@Module({
  providers: [
    {
      provide: UPSTREAM_OBSERVER,
      inject: [MetricsService],
      useFactory: (metrics: MetricsService) => metrics.upstreamObserver,
    },
    {
      provide: WhmcsClient,
      inject: [APP_CONFIG, UPSTREAM_OBSERVER],
      useFactory: createWhmcsClient,
    },
    {
      provide: SalesforceClient,
      inject: [APP_CONFIG, UPSTREAM_OBSERVER],
      useFactory: createSalesforceClient,
    },
    {
      // null when Freebit is not configured (see createFreebitClient).
      provide: FreebitClient,
      inject: [APP_CONFIG, UPSTREAM_OBSERVER],
      useFactory: createFreebitClient,
    },
  ],
  exports: [WhmcsClient, SalesforceClient, FreebitClient, UPSTREAM_OBSERVER],
})
export class UpstreamModule {}
