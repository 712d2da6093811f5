import { Global, Inject, Module, type OnModuleInit } from "@nestjs/common";
import { WorkflowRunsRepository } from "./repositories/workflow-runs.repository.js";
import { type AppJobs } from "../queue/app-jobs.js";
import { JobQueue } from "../queue/job-queue.js";
import { WorkflowRunner } from "./workflow-runner.js";

/** A run's resume job is a singleton per run; a resume that finds the run busy comes back later. */
function singletonKey(workflow: string, businessId: string): string {
  return `${workflow}:${businessId}`;
}

/**
 * The workflow runner, with its resume job on the queue: every run queues `workflow.resume` for
 * when its lease ends, so a run a crash or restart left unfinished is finished by the queue.
 */
@Global()
@Module({
  providers: [
    WorkflowRunsRepository,
    {
      provide: WorkflowRunner,
      inject: [WorkflowRunsRepository, JobQueue],
      useFactory: (runs: WorkflowRunsRepository, queue: JobQueue<AppJobs>) =>
        new WorkflowRunner(runs, {
          async scheduleResume(key, afterSeconds) {
            await queue.send("workflow.resume", key, {
              singletonKey: singletonKey(key.workflow, key.businessId),
              startAfterSeconds: afterSeconds,
            });
          },
        }),
    },
  ],
  exports: [WorkflowRunner],
})
export class WorkflowModule implements OnModuleInit {
  constructor(
    @Inject(WorkflowRunner) private readonly runner: WorkflowRunner,
    @Inject(JobQueue) private readonly queue: JobQueue<AppJobs>,
  ) {}

  onModuleInit(): void {
    this.queue.register("workflow.resume", async ({ workflow, businessId }) => {
      const outcome = await this.runner.resume(workflow, businessId);
      if (outcome.kind === "busy") {
        const waitMs = (outcome.claimedUntil?.getTime() ?? Date.now()) - Date.now();
        await this.queue.send(
          "workflow.resume",
          { workflow, businessId },
          {
            singletonKey: singletonKey(workflow, businessId),
            startAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)),
          },
        );
      }
    });
  }
}
