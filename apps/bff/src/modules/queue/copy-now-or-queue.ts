import { type Logger } from "@nestjs/common";
import { type AppJobs } from "./app-jobs.js";
import { type JobQueue } from "./job-queue.js";

/** The jobs that copy what WHMCS holds for a client to its Salesforce Account (decisions 0032, 0039). */
export type SalesforceCopyJob = "account.billing-address.sync" | "account.contact.sync";

/** Which WHMCS client to copy from, and which Salesforce Account (Id) to copy to. */
export interface SalesforceCopyTarget {
  billingClientId: number;
  sfAccountId: string;
}

/**
 * Runs `copy` inline; when it fails, logs `what` and queues `job` for the same target (one per
 * Account, `singletonKey`), so the WHMCS change that caused it stands and Salesforce catches up.
 * The job re-reads WHMCS when it runs, so a late retry never writes older data.
 * @throws the queue's error only when even queuing fails (the database is down).
 */
export async function copyNowOrQueue(
  queue: JobQueue<AppJobs>,
  job: SalesforceCopyJob,
  target: SalesforceCopyTarget,
  copy: () => Promise<void>,
  logger: Logger,
  what: string,
): Promise<void> {
  try {
    await copy();
  } catch (error) {
    logger.warn(
      { err: error, sfAccountId: target.sfAccountId },
      `${what} not written; retrying in the background`,
    );
    await queue.send(job, target, { singletonKey: target.sfAccountId });
  }
}
