import {
  Global,
  Inject,
  Module,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from "@nestjs/common";
import { APP_CONFIG } from "../config/config.module.js";
import { type AppConfig } from "../config/config.schema.js";
import { DATABASE_CONNECTION, type DatabaseConnection } from "../database/database.js";
import { MetricsService } from "../metrics/metrics.service.js";
import { APP_JOBS } from "./app-jobs.js";
import { JobQueue } from "./job-queue.js";

/**
 * The durable job queue on the BFF's database. Feature modules register their handlers while
 * initialising (`onModuleInit`); the queue starts once every module is initialised — refusing a
 * job without a handler — and stops in `onModuleDestroy`, before the database closes in
 * `onApplicationShutdown`. Its counts feed the `queue_*` / `jobs_total` metrics.
 */
@Global()
@Module({
  providers: [
    {
      provide: JobQueue,
      inject: [APP_CONFIG, DATABASE_CONNECTION, MetricsService],
      useFactory: (config: AppConfig, connection: DatabaseConnection, metrics: MetricsService) => {
        const queue = new JobQueue(
          connection.executeSql,
          {
            ...APP_JOBS,
            // The mail outbox's first retry delay is configurable (MAIL_RETRY_DELAY_SECONDS).
            "mail.send": {
              ...APP_JOBS["mail.send"],
              retryDelaySeconds: config.mail.retryDelaySeconds,
            },
            // A fulfilment job expires with its run's lease (FULFILMENT_LEASE_SECONDS); its first
            // retry waits FULFILMENT_RETRY_DELAY_SECONDS; each process fulfils
            // FULFILMENT_CONCURRENCY Orders at once.
            "order.fulfil": {
              ...APP_JOBS["order.fulfil"],
              expireInSeconds: config.fulfilment.leaseSeconds,
              retryDelaySeconds: config.fulfilment.retryDelaySeconds,
              concurrency: config.fulfilment.concurrency,
            },
          },
          { maintenanceIntervalSeconds: config.queue.maintenanceIntervalSeconds },
        );
        // Queue depth, dead letters and job outcomes per job name, read at each scrape.
        metrics.watchJobQueue(() => queue.counts());
        return queue;
      },
    },
  ],
  exports: [JobQueue],
})
export class QueueModule implements OnApplicationBootstrap, OnModuleDestroy {
  constructor(@Inject(JobQueue) private readonly queue: JobQueue<typeof APP_JOBS>) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.queue.stop();
  }
}
