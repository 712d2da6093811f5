import { Module } from "@nestjs/common";
import { SalesforceClient, SalesforcePubSubClient } from "@portal/salesforce";
import { APP_CONFIG } from "../config/config.module.js";
import { type AppConfig } from "../config/config.schema.js";
import { FulfilmentModule } from "../fulfilment/fulfilment.module.js";
import { FulfilmentService } from "../fulfilment/fulfilment.service.js";
import { OpsModule } from "../ops/ops.module.js";
import { upstreamLogger } from "../upstream/upstream-logger.js";
import { OrderFulfilmentRequests } from "./order-fulfilment-requests.js";
import { LeaderLeasesRepository } from "./repositories/leader-leases.repository.js";
import { SfEventReplaysRepository } from "./repositories/sf-event-replays.repository.js";
import { SfEventMetrics } from "./sf-event-counters.js";
import { SfEventHandler } from "./sf-event-handler.js";
import { SfEventsOpsController } from "./sf-events-ops.controller.js";
import { SfEventsController } from "./sf-events.controller.js";
import { SfEventsService } from "./sf-events.service.js";

/**
 * The Salesforce Pub/Sub subscriber (DESIGN.md §6 step 3, §9 "Events"; decision 0065): one
 * replica, chosen by a lease in PostgreSQL, follows the configured topics (`SF_PUBSUB_*`) over the
 * Pub/Sub API with the REST session's credentials, hands approved Orders to
 * `OrderFulfilmentRequests`, and publishes `OrderChanged` and `CatalogChanged`; replay ids are
 * stored per topic after each effect. `GET /api/health/sf-events` reports it; `SfEventsService`
 * is exported for operations (`replayFrom`, `health`).
 */
@Module({
  imports: [FulfilmentModule, OpsModule],
  controllers: [SfEventsController, SfEventsOpsController],
  providers: [
    SfEventReplaysRepository,
    LeaderLeasesRepository,
    SfEventMetrics,
    SfEventHandler,
    // Approved Orders go to fulfilment's durable job (decision 0065 "ack after the effect").
    { provide: OrderFulfilmentRequests, useExisting: FulfilmentService },
    {
      provide: SfEventsService,
      inject: [
        APP_CONFIG,
        SalesforceClient,
        SfEventReplaysRepository,
        LeaderLeasesRepository,
        SfEventHandler,
        SfEventMetrics,
      ],
      useFactory: (
        config: AppConfig,
        salesforce: SalesforceClient,
        replays: SfEventReplaysRepository,
        leases: LeaderLeasesRepository,
        handler: SfEventHandler,
        counters: SfEventMetrics,
      ) => {
        const client = new SalesforcePubSubClient({
          endpoint: config.sfEvents.endpoint,
          caCertificatePath: config.sfEvents.caCertificatePath,
          auth: salesforce.pubSubAuth,
          logger: upstreamLogger("SalesforcePubSubClient"),
        });
        return new SfEventsService(config.sfEvents, {
          subscribe: (request, listener) => client.subscribe(request, listener),
          handle: (event) => handler.handle(event),
          replays,
          leases,
          counters,
        });
      },
    },
  ],
  exports: [SfEventsService],
})
export class SfEventsModule {}
