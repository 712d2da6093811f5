import { Injectable, type OnModuleInit } from "@nestjs/common";
import { type SignupRequest } from "@portal/domain";
import { IdMappingsRepository } from "../identity/repositories/id-mappings.repository.js";
import { UsersRepository } from "../identity/repositories/users.repository.js";
import { type MailLocale } from "../mail/mail-locale.js";
import { WorkflowBusyError } from "../workflow/workflow-busy.error.js";
import { WorkflowRunner } from "../workflow/workflow-runner.js";
import { type ClientInfo } from "./client-info.js";
import { PasswordHasher } from "./password-hasher.js";
import { RefreshTokenService } from "./refresh-token.service.js";
import { type IssuedSession, SessionService } from "./session.service.js";
import { alreadyRegistered, emailInUse, signupInProgress } from "./signup-errors.js";
import { type SignupInput, SignupWorkflow } from "./signup-workflow.js";

/**
 * Sign-up (seeds "Sign-up"): checks first, then the sign-up workflow under the customer number
 * (SignupWorkflow; decision 0013), then the session.
 *
 * Never leaves a half-made account and is safe to retry: all checks and upstream reads come
 * first; one run at a time works on a customer number (the run's lease); a step that fails
 * undoes the portal user again (the WHMCS client stays recorded for the retry, decision 0009);
 * a run a crash cut short is finished by the resume job or by the next request for the number.
 */
@Injectable()
export class SignupService implements OnModuleInit {
  constructor(
    private readonly workflow: SignupWorkflow,
    private readonly runner: WorkflowRunner,
    private readonly users: UsersRepository,
    private readonly idMappings: IdMappingsRepository,
    private readonly hasher: PasswordHasher,
    private readonly refreshTokens: RefreshTokenService,
    private readonly sessions: SessionService,
  ) {}

  /** Lets the resume job finish sign-ups a crash or restart cut short. */
  onModuleInit(): void {
    this.runner.define(this.workflow.definition);
  }

  /**
   * Registers the customer, whose e-mail will be in `locale`, and starts their session.
   * @throws AppError CUSTOMER_NUMBER_NOT_FOUND (404, `fields.customerNumber`), ALREADY_REGISTERED
   *   (409, `fields.customerNumber`; also when this request finished an earlier, interrupted
   *   sign-up of the number made with other credentials), CONFLICT (409, `fields.customerNumber`:
   *   another sign-up for the customer number is under way), EMAIL_IN_USE (409, `fields.email`);
   *   `WhmcsError` / `SalesforceError` when an upstream fails (answered 503/502 by the exception
   *   filter).
   */
  async signup(
    request: SignupRequest,
    client: ClientInfo,
    locale: MailLocale,
  ): Promise<IssuedSession> {
    const account = await this.workflow.findAccount(request.customerNumber);
    // An interrupted sign-up of the number may already have made its user; the run decides.
    if (!(await this.runner.isUnfinished(this.workflow.definition.name, account.customerNumber))) {
      if (await this.idMappings.findBySfAccountId(account.id)) {
        throw alreadyRegistered();
      }
      if (await this.users.findByEmail(request.email)) {
        throw emailInUse();
      }
    }
    const { password, ...form } = request;
    const input: SignupInput = {
      ...form,
      accountId: account.id,
      passwordHash: await this.hasher.hash(password),
      ...client,
      locale,
    };
    let outcome;
    try {
      outcome = await this.runner.run(this.workflow.definition, account.customerNumber, input);
    } catch (error) {
      throw error instanceof WorkflowBusyError ? signupInProgress() : error;
    }
    const user = await this.users.findById(outcome.result.userId);
    if (
      !user ||
      (outcome.resumed &&
        (outcome.input.email !== request.email ||
          !(await this.hasher.verify(user.passwordHash, password))))
    ) {
      throw alreadyRegistered();
    }
    const now = new Date();
    return this.sessions.issue(user, await this.refreshTokens.issue(user.id, now, client));
  }
}
