import { Inject, Injectable, Logger, type OnModuleInit } from "@nestjs/common";
import { SalesforceClient } from "@portal/salesforce";
import { WhmcsClient } from "@portal/whmcs";
import { type AppJobs } from "../queue/app-jobs.js";
import { copyNowOrQueue } from "../queue/copy-now-or-queue.js";
import { JobQueue } from "../queue/job-queue.js";

/**
 * Copies a customer's address from WHMCS (authoritative) to their Salesforce Account's billing
 * address (decision 0032): inline after a change, and — when Salesforce fails then — durably
 * through the `account.billing-address.sync` job, which re-reads WHMCS when it runs so a late
 * retry never writes an address older than the latest change.
 */
@Injectable()
export class BillingAddressSync implements OnModuleInit {
  private readonly logger = new Logger(BillingAddressSync.name);

  constructor(
    private readonly whmcs: WhmcsClient,
    private readonly salesforce: SalesforceClient,
    @Inject(JobQueue) private readonly queue: JobQueue<AppJobs>,
  ) {}

  onModuleInit(): void {
    this.queue.register("account.billing-address.sync", async (target) => {
      await this.copyFromWhmcs(target.billingClientId, target.sfAccountId);
    });
  }

  /**
   * Writes the address WHMCS now holds for `billingClientId` to Account `sfAccountId`; when that
   * fails, queues the job and returns (the WHMCS change stands, Salesforce catches up).
   * @throws the queue's error only when even queuing fails (the database is down).
   */
  async syncSoon(billingClientId: number, sfAccountId: string): Promise<void> {
    await copyNowOrQueue(
      this.queue,
      "account.billing-address.sync",
      { billingClientId, sfAccountId },
      () => this.copyFromWhmcs(billingClientId, sfAccountId),
      this.logger,
      "Salesforce billing address",
    );
  }

  /**
   * Reads the client from WHMCS and writes its address to the Account; nothing to write when the
   * client is gone or holds no Japanese address.
   * @throws WhmcsError, SalesforceError
   */
  private async copyFromWhmcs(billingClientId: number, sfAccountId: string): Promise<void> {
    const client = await this.whmcs.clients.get(billingClientId);
    if (!client?.address) {
      this.logger.warn({ billingClientId }, "No WHMCS address to copy to Salesforce");
      return;
    }
    await this.salesforce.accounts.updateBillingAddress(sfAccountId, client.address);
  }
}
