import { Inject, Injectable, Logger, type OnModuleInit } from "@nestjs/common";
import { MfaRepository } from "./repositories/mfa.repository.js";
import { type AppJobs } from "../queue/app-jobs.js";
import { JobQueue } from "../queue/job-queue.js";

/**
 * Handles the scheduled `mfa.challenges.prune` job (hourly): deletes login challenges past their
 * 5 minutes (decision 0048). They open nothing once expired, so the table holds only the
 * challenges of the last hour instead of every second-step login ever started.
 */
@Injectable()
export class MfaChallengePruner implements OnModuleInit {
  private readonly logger = new Logger(MfaChallengePruner.name);

  constructor(
    private readonly mfa: MfaRepository,
    @Inject(JobQueue) private readonly queue: JobQueue<AppJobs>,
  ) {}

  onModuleInit(): void {
    this.queue.register("mfa.challenges.prune", async () => {
      const pruned = await this.mfa.pruneExpiredChallenges(new Date());
      this.logger.log({ pruned }, "Pruned expired MFA login challenges");
    });
  }
}
