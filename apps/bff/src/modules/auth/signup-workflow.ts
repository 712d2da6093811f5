import { Injectable, Logger } from "@nestjs/common";
import { type CustomerAccount, signupRequestSchema } from "@portal/domain";
import { SalesforceClient } from "@portal/salesforce";
import { WhmcsClient } from "@portal/whmcs";
import { z } from "zod";
import { CacheService } from "../cache/cache.service.js";
import { AuditLogRepository } from "./repositories/audit-log.repository.js";
import { IdMappingsRepository } from "../identity/repositories/id-mappings.repository.js";
import { SignupAttemptsRepository } from "./repositories/signup-attempts.repository.js";
import { UsersRepository } from "../identity/repositories/users.repository.js";
import { ContactSync } from "../identity/contact-sync.js";
import { uniqueViolation } from "../database/unique-violation.js";
import { AppError } from "../http/app-error.js";
import { MAIL_LOCALES } from "../mail/mail-locale.js";
import { MailService } from "../mail/mail.service.js";
import {
  type StepContext,
  type WorkflowDefinition,
  type WorkflowStep,
} from "../workflow/workflow-definition.js";
import {
  ONCE,
  permanent,
  portalUserStep,
  REGISTRATION_LEASE_SECONDS,
  salesforceLinkStep,
} from "./registration-steps.js";
import { alreadyRegistered, emailInUse, signupDetailsNotMatched } from "./signup-errors.js";
import { customerNumberRead } from "./auth.cached-reads.js";

/** Written to the Account's `Portal_Registration_Source__c`. */
const REGISTRATION_SOURCE = "Portal Signup";

/**
 * What a sign-up run is started with and stores (so a resume needs nothing else): the form
 * without its password and e-mail code, the argon2id hash of the password instead, the Salesforce Account id and
 * where the request came from (for the audit log).
 */
export const signupInputSchema = signupRequestSchema.omit({ password: true, code: true }).extend({
  accountId: z.string().min(1),
  passwordHash: z.string().min(1),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  /** Katakana readings; runs stored before the readings were collected read `""`. */
  lastNameKana: z.string().default(""),
  firstNameKana: z.string().default(""),
  /** The customer's language (request cookie / Accept-Language); runs stored before it read `ja`. */
  locale: z.enum(MAIL_LOCALES).default("ja"),
});
export type SignupInput = z.infer<typeof signupInputSchema>;

/** What a completed sign-up returns: the new portal user and their WHMCS client. */
export interface SignupResult {
  userId: string;
  billingClientId: number;
}

function emailOfAnotherBillingAccount(): AppError {
  const message =
    "This email address belongs to another billing account. Use a different email or contact support.";
  return new AppError("EMAIL_IN_USE", message, { fields: { email: message } });
}

/**
 * Sign-up as a workflow (DESIGN.md §9; decision 0013) under the customer number: seeds "Sign-up:
 * portal verifies the customer number in Salesforce → creates a WHMCS client → stores the portal
 * user + mapping → updates Salesforce with portal status + WHMCS ID". Steps, in order:
 * 1. `billing-client`: the WHMCS client (reused or created), recorded in `signup_attempts` at
 *    once; never compensated — it stays recorded for the next attempt (decision 0009).
 * 2. `portal-user`: portal user + id mapping in one transaction; compensated by deleting them.
 * 3. `salesforce-link`: Account `Portal_Status__c = Active`, `WH_Account__c`.
 * 4. `finish`: forget the attempt and the cached Account, write the audit event, copy names,
 *    readings and phone to the Salesforce Contact (inline or by the `account.contact.sync` job,
 *    decision 0039; never fails the step), queue the `welcome` e-mail in the customer's language
 *    (deduplicated per user; never fails the step).
 * Every step may be repeated after a crash between its effect and its checkpoint.
 */
@Injectable()
export class SignupWorkflow {
  private readonly logger = new Logger(SignupWorkflow.name);

  constructor(
    private readonly salesforce: SalesforceClient,
    private readonly whmcs: WhmcsClient,
    private readonly cache: CacheService,
    private readonly users: UsersRepository,
    private readonly idMappings: IdMappingsRepository,
    private readonly attempts: SignupAttemptsRepository,
    private readonly audit: AuditLogRepository,
    private readonly mail: MailService,
    private readonly contactSync: ContactSync,
  ) {}

  private readonly billingClient: WorkflowStep<SignupInput, { clientId: number }> = {
    name: "billing-client",
    output: z.object({ clientId: z.number().int().positive() }),
    retry: ONCE,
    invoke: async ({ input }) => {
      try {
        return { clientId: await this.billingClientFor(input) };
      } catch (error) {
        throw permanent(error);
      }
    },
  };

  private readonly portalUser = portalUserStep<SignupInput>(
    () => ({ users: this.users, cache: this.cache, logger: this.logger }),
    "sign-up",
    (ctx) => this.createUser(ctx),
  );

  private readonly salesforceLink = salesforceLinkStep<SignupInput>(
    () => this.salesforce,
    REGISTRATION_SOURCE,
    (ctx) => ctx.outputOf(this.billingClient).clientId,
  );

  private readonly finish: WorkflowStep<SignupInput, null> = {
    name: "finish",
    output: z.null(),
    retry: ONCE,
    invoke: async (ctx) => {
      const { input } = ctx;
      await this.attempts.remove(input.accountId);
      await this.cache.forget(customerNumberRead, input.customerNumber);
      await this.audit.record({
        event: "signup",
        userId: ctx.outputOf(this.portalUser).userId,
        ip: input.ip,
        userAgent: input.userAgent,
        detail: {
          customerNumber: input.customerNumber,
          billingClientId: ctx.outputOf(this.billingClient).clientId,
          accountId: input.accountId,
        },
      });
      const userId = ctx.outputOf(this.portalUser).userId;
      await this.copyToContact(ctx.outputOf(this.billingClient).clientId, input.accountId);
      await this.mail.send(
        "welcome",
        input.email,
        input.locale,
        {
          firstName: input.firstName,
          lastName: input.lastName,
          customerNumber: input.customerNumber,
        },
        { dedupeKey: `welcome:${userId}` },
      );
      return null;
    },
  };

  /** The workflow; its runs are keyed by customer number and deleted once completed. */
  readonly definition: WorkflowDefinition<SignupInput, SignupResult> = {
    name: "signup",
    input: signupInputSchema,
    steps: [this.billingClient, this.portalUser, this.salesforceLink, this.finish],
    result: (ctx) => ({
      userId: ctx.outputOf(this.portalUser).userId,
      billingClientId: ctx.outputOf(this.billingClient).clientId,
    }),
    leaseSeconds: REGISTRATION_LEASE_SECONDS,
    keepCompleted: false,
  };

  /**
   * The Contact copy of a finished sign-up: a Salesforce failure is retried by its job; even a
   * failure to queue it (the database) must not undo a registration that is complete.
   */
  private async copyToContact(billingClientId: number, accountId: string): Promise<void> {
    try {
      await this.contactSync.syncSoon(billingClientId, accountId);
    } catch (error) {
      this.logger.error(
        { err: error, accountId },
        "Salesforce Contact of a new sign-up not written and not queued",
      );
    }
  }

  /**
   * The Salesforce Account of `customerNumber` (cached 30 s to keep the form responsive), asked
   * for only once the sign-up proved the contract (`ContractProof`).
   * @throws AppError SIGNUP_DETAILS_NOT_MATCHED when there is none
   */
  async findAccount(customerNumber: string): Promise<CustomerAccount> {
    const account = await this.cache.read(customerNumberRead, customerNumber, () =>
      this.salesforce.accounts.findByCustomerNumber(customerNumber),
    );
    if (!account) {
      throw signupDetailsNotMatched();
    }
    return account;
  }

  /**
   * The WHMCS client for the new user:
   * - the client an earlier attempt on this Account created (recorded in `signup_attempts`),
   *   whatever email the retry brings, brought up to date with this submission (UpdateClient);
   * - else the one already holding the email when the portal created it for this same customer
   *   number (left by an attempt that died before recording it); a client with that email
   *   created any other way belongs to someone else and is never attached;
   * - else a new one (AddClient), recorded at once.
   * An Account Salesforce already shows as `Active` is only accepted when it points at exactly
   * that client — the trace of an attempt whose Salesforce update went through although we saw it
   * fail; any other Active Account was registered elsewhere.
   */
  private async billingClientFor(input: SignupInput): Promise<number> {
    const account = await this.findAccount(input.customerNumber);
    const recorded = (await this.attempts.find(input.accountId))?.whmcsClientId ?? null;
    const emailOwner = await this.whmcs.clients.findIdByEmail(input.email);
    const candidate = recorded ?? emailOwner;
    if (
      account.portalStatus === "active" &&
      (candidate === null || candidate !== account.billingClientId)
    ) {
      throw alreadyRegistered();
    }
    if (emailOwner !== null && emailOwner !== candidate) {
      // The attempt has its own client; another one holds the email (UpdateClient would refuse it).
      throw (await this.idMappings.findByWhmcsClientId(emailOwner))
        ? emailInUse()
        : emailOfAnotherBillingAccount();
    }
    if (emailOwner !== null && recorded === null) {
      await this.checkReusable(emailOwner, input);
    }
    if (candidate === null) {
      const { clientId } = await this.whmcs.clients.add({
        email: input.email,
        firstName: input.firstName,
        lastName: input.lastName,
        lastNameKana: input.lastNameKana,
        firstNameKana: input.firstNameKana,
        phone: input.phone,
        address: input.address,
        customerNumber: input.customerNumber,
      });
      await this.attempts.recordBillingClient(input.accountId, input.customerNumber, clientId);
      return clientId;
    }
    this.logger.log(
      { billingClientId: candidate, accountId: input.accountId },
      "Reusing the WHMCS client of an earlier signup attempt",
    );
    if (recorded === null) {
      await this.attempts.recordBillingClient(input.accountId, input.customerNumber, candidate);
    } else {
      await this.whmcs.clients.update(candidate, {
        email: input.email,
        firstName: input.firstName,
        lastName: input.lastName,
        lastNameKana: input.lastNameKana,
        firstNameKana: input.firstNameKana,
        phone: input.phone,
        address: input.address,
      });
    }
    return candidate;
  }

  /**
   * Refuses WHMCS client `clientId`, which holds the submitted email, unless the portal created it
   * for this customer number and no portal user has it.
   * @throws AppError EMAIL_IN_USE
   */
  private async checkReusable(clientId: number, input: SignupInput): Promise<void> {
    if (await this.idMappings.findByWhmcsClientId(clientId)) {
      throw emailInUse();
    }
    const details = await this.whmcs.clients.get(clientId);
    if (details?.portalCustomerNumber !== input.customerNumber) {
      throw emailOfAnotherBillingAccount();
    }
  }

  /**
   * Inserts user + mapping atomically; a lost race on a unique column reads as the matching 409.
   * A mapping this run already made (a crash after the insert, before its checkpoint) is its own.
   */
  private async createUser(ctx: StepContext<SignupInput>): Promise<string> {
    const { input } = ctx;
    const billingClientId = ctx.outputOf(this.billingClient).clientId;
    const existing = await this.idMappings.findBySfAccountId(input.accountId);
    if (existing) {
      const user = await this.users.findById(existing.userId);
      if (existing.whmcsClientId === billingClientId && user?.email === input.email) {
        return existing.userId;
      }
      throw alreadyRegistered();
    }
    const contact = await this.salesforce.contacts.findPrimary(input.accountId);
    try {
      const user = await this.users.createWithMapping(
        {
          email: input.email,
          passwordHash: input.passwordHash,
          firstName: input.firstName,
          lastName: input.lastName,
          locale: input.locale,
        },
        {
          whmcsClientId: billingClientId,
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
      throw constraint.includes("email") || constraint.includes("whmcs_client")
        ? emailInUse()
        : alreadyRegistered();
    }
  }
}
