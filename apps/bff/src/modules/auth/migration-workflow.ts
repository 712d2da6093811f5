import { Injectable, Logger } from "@nestjs/common";
import { SalesforceClient } from "@portal/salesforce";
import { z } from "zod";
import { CacheService } from "../cache/cache.service.js";
import { AuditLogRepository } from "./repositories/audit-log.repository.js";
import { IdMappingsRepository } from "../identity/repositories/id-mappings.repository.js";
import { UsersRepository } from "../identity/repositories/users.repository.js";
import { uniqueViolation } from "../database/unique-violation.js";
import {
  type StepContext,
  type WorkflowDefinition,
  type WorkflowStep,
} from "../workflow/workflow-definition.js";
import { migrationAlreadyRegistered } from "./migration-errors.js";
import { migrationTicketDataSchema } from "./migration-tickets.js";
import {
  ONCE,
  portalUserStep,
  REGISTRATION_LEASE_SECONDS,
  salesforceLinkStep,
} from "./registration-steps.js";
import { emailInUse } from "./signup-errors.js";
import { customerNumberRead } from "./auth.cached-reads.js";

/** Written to the Account's `Portal_Registration_Source__c` (the issue's §3). */
const REGISTRATION_SOURCE = "Migrated";

/**
 * What a migration run is started with and stores: the ticket's data (WHMCS client, Account,
 * profile), the argon2id hash of the new portal password, and where the request came from. The
 * WHMCS password never gets here.
 */
export const migrationInputSchema = migrationTicketDataSchema.extend({
  passwordHash: z.string().min(1),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
});
export type MigrationInput = z.infer<typeof migrationInputSchema>;

/** What a completed migration returns: the new portal user. */
export interface MigrationResult {
  userId: string;
}

/**
 * Moving an existing WHMCS customer to the portal, as a workflow (DESIGN.md §9; decision 0036)
 * under the customer number: seeds "Login/Linking: existing WHMCS users validate their WHMCS
 * credentials; we create the portal user, map IDs, and mark the Salesforce account as
 * portal-active". The WHMCS client already exists, so unlike sign-up nothing is created in WHMCS.
 * Steps, in order:
 * 1. `portal-user`: portal user + id mapping in one transaction; compensated by deleting them.
 * 2. `salesforce-link`: Account `Portal_Status__c = Active`, `WH_Account__c` (unchanged),
 *    `Portal_Registration_Source__c = Migrated`.
 * 3. `finish`: forget the cached Account, write the audit event.
 * Every step may be repeated after a crash between its effect and its checkpoint.
 */
@Injectable()
export class MigrationWorkflow {
  private readonly logger = new Logger(MigrationWorkflow.name);

  constructor(
    private readonly salesforce: SalesforceClient,
    private readonly cache: CacheService,
    private readonly users: UsersRepository,
    private readonly idMappings: IdMappingsRepository,
    private readonly audit: AuditLogRepository,
  ) {}

  private readonly portalUser = portalUserStep<MigrationInput>(
    () => ({ users: this.users, cache: this.cache, logger: this.logger }),
    "migration",
    (ctx) => this.createUser(ctx),
  );

  private readonly salesforceLink = salesforceLinkStep<MigrationInput>(
    () => this.salesforce,
    REGISTRATION_SOURCE,
    ({ input }) => input.billingClientId,
  );

  private readonly finish: WorkflowStep<MigrationInput, null> = {
    name: "finish",
    output: z.null(),
    retry: ONCE,
    invoke: async (ctx) => {
      const { input } = ctx;
      await this.cache.forget(customerNumberRead, input.customerNumber);
      await this.audit.record({
        event: "migrated",
        userId: ctx.outputOf(this.portalUser).userId,
        ip: input.ip,
        userAgent: input.userAgent,
        detail: {
          customerNumber: input.customerNumber,
          billingClientId: input.billingClientId,
          accountId: input.accountId,
        },
      });
      return null;
    },
  };

  /** The workflow; its runs are keyed by customer number and deleted once completed. */
  readonly definition: WorkflowDefinition<MigrationInput, MigrationResult> = {
    name: "migration",
    input: migrationInputSchema,
    steps: [this.portalUser, this.salesforceLink, this.finish],
    result: (ctx) => ({ userId: ctx.outputOf(this.portalUser).userId }),
    leaseSeconds: REGISTRATION_LEASE_SECONDS,
    keepCompleted: false,
  };

  /**
   * Inserts user + mapping atomically; a lost race on a unique column reads as the matching 409.
   * A mapping this run already made (a crash after the insert, before its checkpoint) is its own.
   */
  private async createUser(ctx: StepContext<MigrationInput>): Promise<string> {
    const { input } = ctx;
    const existing = await this.idMappings.findBySfAccountId(input.accountId);
    if (existing) {
      const user = await this.users.findById(existing.userId);
      if (existing.whmcsClientId === input.billingClientId && user?.email === input.email) {
        return existing.userId;
      }
      throw migrationAlreadyRegistered();
    }
    const contact = await this.salesforce.contacts.findPrimary(input.accountId);
    try {
      const user = await this.users.createWithMapping(
        {
          email: input.email,
          passwordHash: input.passwordHash,
          firstName: input.firstName,
          lastName: input.lastName,
        },
        {
          whmcsClientId: input.billingClientId,
          sfAccountId: input.accountId,
          sfContactId: contact?.id ?? null,
          customerNumber: input.customerNumber,
        },
      );
      return user.id;
    } catch (error) {
      const constraint = uniqueViolation(error);
      if (constraint === null) {
        throw error;
      }
      throw constraint.includes("email") ? emailInUse() : migrationAlreadyRegistered();
    }
  }
}
