import { type DynamicModule, Module } from "@nestjs/common";
import { type DestinationStream, type Logger } from "pino";
import { AccountModule } from "./modules/account/account.module.js";
import { AddressModule } from "./modules/address/address.module.js";
import { AuthModule } from "./modules/auth/auth.module.js";
import { BillingModule } from "./modules/billing/billing.module.js";
import { CacheModule } from "./modules/cache/cache.module.js";
import { CatalogModule } from "./modules/catalog/catalog.module.js";
import { ConfigModule } from "./modules/config/config.module.js";
import { type AppConfig } from "./modules/config/config.schema.js";
import { DashboardModule } from "./modules/dashboard/dashboard.module.js";
import { DatabaseModule } from "./modules/database/database.module.js";
import { DemoModule } from "./modules/demo/demo.module.js";
import { EligibilityModule } from "./modules/eligibility/eligibility.module.js";
import { EventsModule } from "./modules/events/events.module.js";
import { FulfilmentModule } from "./modules/fulfilment/fulfilment.module.js";
import { HealthModule } from "./modules/health/health.module.js";
import { HttpModule } from "./modules/http/http.module.js";
import { IdentityModule } from "./modules/identity/identity.module.js";
import { MailModule } from "./modules/mail/mail.module.js";
import { LoggingModule } from "./modules/logging/logging.module.js";
import { QueueModule } from "./modules/queue/queue.module.js";
import { SfEventsModule } from "./modules/sf-events/sf-events.module.js";
import { MetricsModule } from "./modules/metrics/metrics.module.js";
import { OpsModule } from "./modules/ops/ops.module.js";
import { OrdersModule } from "./modules/orders/orders.module.js";
import { SubscriptionsModule } from "./modules/subscriptions/subscriptions.module.js";
import { UpstreamModule } from "./modules/upstream/upstream.module.js";
import { WebhooksModule } from "./modules/webhooks/webhooks.module.js";
import { WorkflowModule } from "./modules/workflow/workflow.module.js";

/** How the process hosts the BFF, beyond its configuration. */
export interface BffHostOptions {
  /** Where log lines go instead of stdout (tests read them). */
  logDestination?: DestinationStream;
}

/**
 * The BFF: infrastructure modules first, then the features (DESIGN.md §2 "BFF modules"); `logger`
 * is the root logger Fastify also logs through (`createRootLogger`).
 */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig, logger: Logger): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule.forRoot(logger),
        MetricsModule,
        DatabaseModule,
        CacheModule,
        EventsModule,
        QueueModule,
        WorkflowModule,
        MailModule,
        UpstreamModule,
        HttpModule,
        IdentityModule,
        AuthModule,
        AccountModule,
        DashboardModule,
        AddressModule,
        BillingModule,
        CatalogModule,
        EligibilityModule,
        OrdersModule,
        SubscriptionsModule,
        FulfilmentModule,
        OpsModule,
        WebhooksModule,
        SfEventsModule,
        HealthModule,
        DemoModule,
      ],
    };
  }
}
