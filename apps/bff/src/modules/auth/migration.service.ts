import { Injectable, Logger, type OnModuleInit } from "@nestjs/common";
import { type MigrateRequest, type MigrationStarted } from "@portal/domain";
import { SalesforceClient } from "@portal/salesforce";
import { WhmcsClient } from "@portal/whmcs";
import { AuditLogRepository } from "./repositories/audit-log.repository.js";
import { IdMappingsRepository } from "../identity/repositories/id-mappings.repository.js";
import { UsersRepository } from "../identity/repositories/users.repository.js";
import { AppError } from "../http/app-error.js";
import { WorkflowBusyError } from "../workflow/workflow-busy.error.js";
import { WorkflowRunner } from "../workflow/workflow-runner.js";
import { accountLocked } from "./account-locked.js";
import { type ClientInfo } from "./client-info.js";
import {
  migrationAlreadyRegistered,
  migrationNotAvailable,
  migrationTicketInvalid,
} from "./migration-errors.js";
import { MigrationTickets } from "./migration-tickets.js";
import { type MigrationInput, MigrationWorkflow } from "./migration-workflow.js";
import { PasswordHasher } from "./password-hasher.js";
import { RefreshTokenService } from "./refresh-token.service.js";
import { type IssuedSession, SessionService } from "./session.service.js";
import { emailInUse } from "./signup-errors.js";
import { UnknownEmailLockout } from "./unknown-email-lockout.js";

/** Login's message for every wrong email/password combination, so migrate reveals no more. */
const INVALID_CREDENTIALS_MESSAGE = "The email or password is incorrect.";

/** A started migration: the answer body and the ticket for the cookie. */
export interface StartedMigration {
  body: MigrationStarted;
  ticket: string;
}

/**
 * Existing WHMCS customers moving to the portal (seeds "Login/Linking"; decisions 0035, 0036):
 * `migrate` checks the old login with WHMCS ValidateLogin and hands out a migration ticket;
 * `setPassword` redeems it with the new portal password through {@link MigrationWorkflow} and
 * starts the session. The WHMCS password is passed to WHMCS once and kept nowhere.
 */
@Injectable()
export class MigrationService implements OnModuleInit {
  private readonly logger = new Logger(MigrationService.name);

  constructor(
    private readonly whmcs: WhmcsClient,
    private readonly salesforce: SalesforceClient,
    private readonly workflow: MigrationWorkflow,
    private readonly runner: WorkflowRunner,
    private readonly tickets: MigrationTickets,
    private readonly users: UsersRepository,
    private readonly idMappings: IdMappingsRepository,
    private readonly audit: AuditLogRepository,
    private readonly hasher: PasswordHasher,
    private readonly refreshTokens: RefreshTokenService,
    private readonly sessions: SessionService,
    private readonly lockout: UnknownEmailLockout,
  ) {}

  /** Lets the resume job finish migrations a crash or restart cut short. */
  onModuleInit(): void {
    this.runner.define(this.workflow.definition);
  }

  /**
   * Checks the customer's WHMCS login and, when it belongs to a customer without a portal user,
   * issues a migration ticket (15 minutes). Every attempt is counted by the login lockout of
   * emails without a portal account before WHMCS is asked, so guessing here is limited exactly
   * as on the login form, and a refusal reads exactly like login's.
   * @throws AppError INVALID_CREDENTIALS (WHMCS refused the login, or it is a sub-account's),
   *   ACCOUNT_LOCKED with `Retry-After`, MIGRATION_NOT_AVAILABLE (no Salesforce Account names
   *   the WHMCS client), ALREADY_REGISTERED (the customer has a portal user), EMAIL_IN_USE
   *   (another portal user has the WHMCS email); `WhmcsError` / `SalesforceError` when an
   *   upstream fails (503/502 by the exception filter; nothing is created).
   */
  async migrate(request: MigrateRequest, client: ClientInfo): Promise<StartedMigration> {
    const now = new Date();
    const attempt = await this.lockout.attempt(request.email, now);
    if (attempt.locked) {
      await this.audit.record({
        event: "migration_failed",
        userId: null,
        ...client,
        detail: { reason: "locked" },
      });
      throw accountLocked(attempt.lockedUntil);
    }
    const billingClientId = await this.whmcs.clients.validateLogin(request.email, request.password);
    if (billingClientId === null) {
      await this.audit.record({
        event: "migration_failed",
        userId: null,
        ...client,
        detail: { reason: "invalid_whmcs_login" },
      });
      throw new AppError("INVALID_CREDENTIALS", INVALID_CREDENTIALS_MESSAGE);
    }
    const account = await this.salesforce.accounts.findByBillingClientId(billingClientId);
    if (!account) {
      this.logger.warn(
        { billingClientId },
        "A WHMCS client without a Salesforce Account tried to migrate",
      );
      await this.audit.record({
        event: "migration_failed",
        userId: null,
        ...client,
        detail: { reason: "no_account", billingClientId },
      });
      throw migrationNotAvailable();
    }
    if (
      account.portalStatus === "active" ||
      (await this.idMappings.findBySfAccountId(account.id)) ||
      (await this.idMappings.findByWhmcsClientId(billingClientId))
    ) {
      throw migrationAlreadyRegistered();
    }
    const profile = await this.whmcs.clients.get(billingClientId);
    if (!profile) {
      throw migrationNotAvailable();
    }
    const email = profile.email.trim().toLowerCase();
    if (await this.users.findByEmail(email)) {
      throw emailInUse();
    }
    const issued = await this.tickets.issue(
      {
        billingClientId,
        accountId: account.id,
        customerNumber: account.customerNumber,
        email,
        firstName: profile.firstName,
        lastName: profile.lastName,
      },
      now,
    );
    await this.audit.record({
      event: "migration_started",
      userId: null,
      ...client,
      detail: { customerNumber: account.customerNumber, billingClientId },
    });
    return {
      ticket: issued.ticket,
      body: {
        email,
        customerNumber: account.customerNumber,
        expiresAt: issued.expiresAt.toISOString(),
      },
    };
  }

  /**
   * Redeems migration ticket `ticket` with the new portal password: runs the migration workflow
   * under the customer number, uses the ticket up, and starts the session. A failed run leaves
   * nothing behind (the portal user is removed again) and the ticket valid for a retry.
   * @throws AppError MIGRATION_TICKET_INVALID (no, an expired or a used ticket), CONFLICT (a
   *   migration of the customer is under way), ALREADY_REGISTERED, EMAIL_IN_USE;
   *   `WhmcsError` / `SalesforceError` when an upstream fails.
   */
  async setPassword(
    ticket: string | undefined,
    password: string,
    client: ClientInfo,
  ): Promise<IssuedSession> {
    const data = await this.tickets.find(ticket, new Date());
    if (!ticket || !data) {
      throw migrationTicketInvalid();
    }
    const input: MigrationInput = {
      ...data,
      passwordHash: await this.hasher.hash(password),
      ...client,
    };
    let outcome;
    try {
      outcome = await this.runner.run(this.workflow.definition, data.customerNumber, input);
    } catch (error) {
      throw error instanceof WorkflowBusyError ? migrationInProgress() : error;
    }
    await this.tickets.revoke(ticket);
    const user = await this.users.findById(outcome.result.userId);
    if (!user || (outcome.resumed && !(await this.hasher.verify(user.passwordHash, password)))) {
      throw migrationAlreadyRegistered();
    }
    return this.sessions.issue(user, await this.refreshTokens.issue(user.id, new Date()));
  }
}

/** CONFLICT (409): another request is moving this customer right now. */
function migrationInProgress(): AppError {
  return new AppError(
    "CONFLICT",
    "Your account is being set up by another request. Please try again in a minute.",
  );
}
