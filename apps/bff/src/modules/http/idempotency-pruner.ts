import { Inject, Injectable, Logger, type OnModuleInit } from "@nestjs/common";
import { IdempotencyKeysRepository } from "./repositories/idempotency-keys.repository.js";
import { type AppJobs } from "../queue/app-jobs.js";
import { JobQueue } from "../queue/job-queue.js";

/**
 * Handles the scheduled `idempotency.prune` job: deletes idempotency keys past their 24 h
 * (a key reused after that is a new request, as at Stripe).
 */
@Injectable()
export class IdempotencyPruner implements OnModuleInit {
  private readonly logger = new Logger(IdempotencyPruner.name);

  constructor(
    private readonly records: IdempotencyKeysRepository,
    @Inject(JobQueue) private readonly queue: JobQueue<AppJobs>,
  ) {}

  onModuleInit(): void {
    this.queue.register("idempotency.prune", async () => {
      const pruned = await this.records.pruneExpired(new Date());
      this.logger.log({ pruned }, "Pruned expired idempotency keys");
    });
  }
}
