import { Injectable, type OnModuleInit } from "@nestjs/common";
import {
  type SignupRequest,
  type SignupStartRequest,
  type SignupStartResponse,
} from "@portal/domain";
import { AuditLogRepository } from "./repositories/audit-log.repository.js";
import { IdMappingsRepository } from "../identity/repositories/id-mappings.repository.js";
import { UsersRepository } from "../identity/repositories/users.repository.js";
import { type MailLocale } from "../mail/mail-locale.js";
import { AppError } from "../http/app-error.js";
import { WorkflowBusyError } from "../workflow/workflow-busy.error.js";
import { WorkflowRunner } from "../workflow/workflow-runner.js";
import { type ClientInfo } from "./client-info.js";
import { ContractProof } from "./contract-proof.js";
import { PasswordHasher } from "./password-hasher.js";
import { RefreshTokenService } from "./refresh-token.service.js";
import { type IssuedSession, SessionService } from "./session.service.js";
import { type ClaimedSignupCode, SignupCodes } from "./signup-codes.js";
import { alreadyRegistered, emailInUse, signupInProgress } from "./signup-errors.js";
import { type SignupInput, SignupWorkflow } from "./signup-workflow.js";

/**
 * Sign-up (seeds "Sign-up"; issue 5 §3): the e-mailed code and the contract proof first
 * (decision 0037), then the other checks, then the sign-up workflow under the customer number
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
    private readonly codes: SignupCodes,
    private readonly contracts: ContractProof,
    private readonly audit: AuditLogRepository,
  ) {}

  /** Lets the resume job finish sign-ups a crash or restart cut short. */
  onModuleInit(): void {
    this.runner.define(this.workflow.definition);
  }

  /**
   * Mails a verification code to the address of `request` in `locale` (`SignupCodes.send`). The
   * answer is the same whether or not the address has an account.
   * @throws AppError RATE_LIMITED (429) over a send limit.
   */
  start(
    request: SignupStartRequest,
    client: ClientInfo,
    locale: MailLocale,
  ): Promise<SignupStartResponse> {
    return this.codes.send(request.email, client, locale);
  }

  /**
   * Registers the customer, whose e-mail will be in `locale`, and starts their session. Nothing
   * is looked up about the customer number before the code is right, and nothing about its
   * registration before the phone proved the contract; every refusal until then counts against
   * the code, an upstream failure does not.
   * @throws AppError SIGNUP_CODE_EXPIRED / SIGNUP_CODE_INVALID (400, `fields.code`),
   *   SIGNUP_DETAILS_NOT_MATCHED (400, `fields.customerNumber`, `fields.phone`), then
   *   ALREADY_REGISTERED (409, `fields.customerNumber`; also when this request finished an
   *   earlier, interrupted sign-up of the number made with other credentials), CONFLICT (409,
   *   `fields.customerNumber`: another sign-up for the number is under way), EMAIL_IN_USE (409,
   *   `fields.email`); `WhmcsError` / `SalesforceError` when an upstream fails (answered 503/502
   *   by the exception filter).
   */
  async signup(
    request: SignupRequest,
    client: ClientInfo,
    locale: MailLocale,
  ): Promise<IssuedSession> {
    const claimed = await this.claimCode(request, client);
    try {
      await this.contracts.check(request.customerNumber, request.phone);
    } catch (error) {
      if (error instanceof AppError) {
        await this.refused(request, client, error.code);
      } else {
        await this.codes.release(claimed);
      }
      throw error;
    }
    await this.codes.release(claimed);
    const session = await this.register(request, client, locale);
    await this.codes.spend(claimed);
    return session;
  }

  /** {@link SignupCodes.claim}, auditing a refusal. */
  private async claimCode(request: SignupRequest, client: ClientInfo): Promise<ClaimedSignupCode> {
    try {
      return await this.codes.claim(request.email, request.code);
    } catch (error) {
      if (error instanceof AppError) {
        await this.refused(request, client, error.code);
      }
      throw error;
    }
  }

  /** Audits a refused sign-up as `signup_refused` (no user yet) with its reason. */
  private async refused(request: SignupRequest, client: ClientInfo, reason: string): Promise<void> {
    await this.audit.record({
      event: "signup_refused",
      userId: null,
      ...client,
      detail: { reason, customerNumber: request.customerNumber },
    });
  }

  /** The sign-up of a proven customer: the remaining checks, the workflow, the session. */
  private async register(
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
    const { password, code: _code, ...form } = request;
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
