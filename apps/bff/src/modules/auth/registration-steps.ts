import { type Logger } from "@nestjs/common";
import { type SalesforceClient } from "@portal/salesforce";
import { z } from "zod";
import { type CacheService } from "../cache/cache.service.js";
import { type UsersRepository } from "../identity/repositories/users.repository.js";
import { AppError } from "../http/app-error.js";
import { PermanentError } from "../workflow/permanent-error.js";
import { customerNumberRead } from "./auth.cached-reads.js";
import { type StepContext, type WorkflowStep } from "../workflow/workflow-definition.js";

/*
 * The steps sign-up and the migration of WHMCS customers share (decisions 0013, 0036): both make a
 * portal user with its id mapping, then mark the Salesforce Account portal-active.
 */

/**
 * How long a registration run holds its business id before another process may take it over: far
 * above the worst case of its upstream calls (each bounded by its timeout), so it runs out only
 * when a process died mid-way; then the resume job finishes the run.
 */
export const REGISTRATION_LEASE_SECONDS = 120;

/**
 * Every registration step is tried once: registration is interactive, so the customer's retry is
 * the retry, and upstream writes are never blindly repeated (DESIGN.md §5).
 */
export const ONCE = { attempts: 1, backoffMs: 0 };

/** A refusal (AppError) ends the run for good: compensate, and let the customer see it. */
export function permanent(error: unknown): unknown {
  return error instanceof AppError ? new PermanentError(error.message, { cause: error }) : error;
}

/** What every registration run's input carries. */
export interface RegistrationInput {
  /** Salesforce Account id. */
  accountId: string;
  /** The Account's `SF_Account_No__c`, also the run's business id. */
  customerNumber: string;
}

/** What the portal-user step undoes with (read when it runs, so a workflow can pass its fields). */
export interface PortalUserStepDeps {
  users: UsersRepository;
  cache: CacheService;
  logger: Logger;
}

/**
 * `portal-user`: `createUser` makes the portal user with its id mapping and returns its id (an
 * `AppError` refusal ends the run); compensated by deleting the user (the mapping goes with it)
 * and forgetting the cached Account, whose state is unknown when the Salesforce link's answer was
 * lost. `what` names the registration in the log ("sign-up", "migration").
 */
export function portalUserStep<I extends RegistrationInput>(
  deps: () => PortalUserStepDeps,
  what: string,
  createUser: (ctx: StepContext<I>) => Promise<string>,
): WorkflowStep<I, { userId: string }> {
  return {
    name: "portal-user",
    output: z.object({ userId: z.string() }),
    retry: ONCE,
    invoke: async (ctx) => {
      try {
        return { userId: await createUser(ctx) };
      } catch (error) {
        throw permanent(error);
      }
    },
    compensate: async ({ input }, { userId }) => {
      const { users, cache, logger } = deps();
      logger.warn(
        { accountId: input.accountId, userId },
        `Removing the portal user of a ${what} that failed after creating it`,
      );
      await users.delete(userId);
      // Salesforce may have applied a link whose answer was lost: its Account state is unknown.
      await cache.forget(customerNumberRead, input.customerNumber);
    },
  };
}

/**
 * `salesforce-link`: the Account becomes `Portal_Status__c = Active` with `WH_Account__c` =
 * `billingClientIdOf(ctx)` and `Portal_Registration_Source__c = registrationSource`
 * (DESIGN.md §4). Repeating it after a crash is harmless (the same update).
 */
export function salesforceLinkStep<I extends RegistrationInput>(
  salesforce: () => SalesforceClient,
  registrationSource: string,
  billingClientIdOf: (ctx: StepContext<I>) => number,
): WorkflowStep<I, null> {
  return {
    name: "salesforce-link",
    output: z.null(),
    retry: ONCE,
    invoke: async (ctx) => {
      await salesforce().accounts.linkPortal(ctx.input.accountId, {
        billingClientId: billingClientIdOf(ctx),
        registrationSource,
      });
      return null;
    },
  };
}
