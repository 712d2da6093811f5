import { Inject, Injectable, Logger, type OnModuleInit } from "@nestjs/common";
import { SalesforceClient } from "@portal/salesforce";
import { WhmcsClient } from "@portal/whmcs";
import { IdMappingsRepository } from "./repositories/id-mappings.repository.js";
import { type AppJobs } from "../queue/app-jobs.js";
import { copyNowOrQueue } from "../queue/copy-now-or-queue.js";
import { JobQueue } from "../queue/job-queue.js";

/**
 * Copies a customer's names, katakana readings and phone from WHMCS (authoritative) to their
 * Salesforce Contact (decision 0039), after sign-up and after a profile change: inline, and — when
 * Salesforce fails then — durably through the `account.contact.sync` job, which re-reads WHMCS
 * when it runs so a late retry never writes details older than the latest change. The Contact is
 * the one the id mapping names, else the Account's first Contact (then remembered in the
 * mapping), else a new one with the client's e-mail address.
 */
@Injectable()
export class ContactSync implements OnModuleInit {
  private readonly logger = new Logger(ContactSync.name);

  constructor(
    private readonly whmcs: WhmcsClient,
    private readonly salesforce: SalesforceClient,
    private readonly idMappings: IdMappingsRepository,
    @Inject(JobQueue) private readonly queue: JobQueue<AppJobs>,
  ) {}

  onModuleInit(): void {
    this.queue.register("account.contact.sync", async (target) => {
      await this.copyFromWhmcs(target.billingClientId, target.sfAccountId);
    });
  }

  /**
   * Writes what WHMCS now holds for `billingClientId` to the Contact of Account `sfAccountId`;
   * when that fails, queues the job and returns (the WHMCS change stands, Salesforce catches up).
   * @throws the queue's error only when even queuing fails (the database is down).
   */
  async syncSoon(billingClientId: number, sfAccountId: string): Promise<void> {
    await copyNowOrQueue(
      this.queue,
      "account.contact.sync",
      { billingClientId, sfAccountId },
      () => this.copyFromWhmcs(billingClientId, sfAccountId),
      this.logger,
      "Salesforce Contact",
    );
  }

  /**
   * Reads the client from WHMCS and writes its details to the Account's Contact (creating it when
   * the Account has none); nothing to write when the client is gone.
   * @throws WhmcsError, SalesforceError
   */
  private async copyFromWhmcs(billingClientId: number, sfAccountId: string): Promise<void> {
    const client = await this.whmcs.clients.get(billingClientId);
    if (!client) {
      this.logger.warn({ billingClientId }, "No WHMCS client to copy to the Salesforce Contact");
      return;
    }
    const details = {
      firstName: client.firstName,
      lastName: client.lastName,
      lastNameKana: client.lastNameKana,
      firstNameKana: client.firstNameKana,
      phone: client.phone,
    };
    const contactId = await this.contactOf(sfAccountId);
    if (contactId !== null) {
      await this.salesforce.contacts.updateDetails(contactId, details);
      return;
    }
    const created = await this.salesforce.contacts.create(sfAccountId, {
      ...details,
      email: client.email,
    });
    await this.idMappings.setSfContactId(sfAccountId, created.contactId);
  }

  /**
   * The Contact the mapping names, else the Account's first Contact (recorded in the mapping, so
   * a Contact created by a try whose answer was lost is found, not created twice), else null.
   */
  private async contactOf(sfAccountId: string): Promise<string | null> {
    const mapping = await this.idMappings.findBySfAccountId(sfAccountId);
    if (mapping?.sfContactId) return mapping.sfContactId;
    const primary = await this.salesforce.contacts.findPrimary(sfAccountId);
    if (!primary) return null;
    await this.idMappings.setSfContactId(sfAccountId, primary.id);
    return primary.id;
  }
}
