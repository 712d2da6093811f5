import { Injectable, Logger } from "@nestjs/common";
import { type CustomerAccount, customerAccountSchema, type SignupRequest } from "@portal/domain";
import { SalesforceClient } from "@portal/salesforce";
import { WhmcsClient } from "@portal/whmcs";
import { cacheKeys } from "../cache/cache-keys.js";
import { CACHE_TTL_SECONDS } from "../cache/cache-ttl.js";
import { CacheService } from "../cache/cache.service.js";
import { AuditLogRepository } from "../database/repositories/audit-log.repository.js";
import { IdMappingsRepository } from "../database/repositories/id-mappings.repository.js";
import { SignupAttemptsRepository } from "../database/repositories/signup-attempts.repository.js";
import { UsersRepository } from "../database/repositories/users.repository.js";
import { type SignupAttemptRow } from "../database/schema/signup-attempts.js";
import { type UserRow } from "../database/schema/users.js";
import { uniqueViolation } from "../database/unique-violation.js";
import { AppError } from "../http/app-error.js";
import { type ClientInfo } from "./client-info.js";
import { PasswordHasher } from "./password-hasher.js";
import { RefreshTokenService } from "./refresh-token.service.js";
import { type IssuedSession, SessionService } from "./session.service.js";

/** Written to the Account's `Portal_Registration_Source__c`. */
const REGISTRATION_SOURCE = "Portal Signup";

/**
 * How long one request may hold the sign-up of an Account. Far above the worst case of the
 * upstream calls (each bounded by its timeout), so it only runs out when a process died mid-way.
 */
const ATTEMPT_LEASE_SECONDS = 120;

function alreadyRegistered(): AppError {
  const message = "This customer number already has a portal account. Sign in instead.";
  return new AppError("ALREADY_REGISTERED", message, { fields: { customerNumber: message } });
}

function signupInProgress(): AppError {
  const message =
    "A sign-up for this customer number is already in progress. Please try again in a minute.";
  return new AppError("CONFLICT", message, { fields: { customerNumber: message } });
}

function emailInUse(): AppError {
  const message = "This email address is already used by a portal account.";
  return new AppError("EMAIL_IN_USE", message, { fields: { email: message } });
}

function emailOfAnotherBillingAccount(): AppError {
  const message =
    "This email address belongs to another billing account. Use a different email or contact support.";
  return new AppError("EMAIL_IN_USE", message, { fields: { email: message } });
}

/**
 * Sign-up (seeds "Sign-up: portal verifies the customer number in Salesforce → creates a WHMCS
 * client → stores the portal user + mapping → updates Salesforce with portal status + WHMCS ID").
 *
 * Never leaves a half-made account and is safe to retry: all checks and upstream reads come
 * first; one request at a time works on an Account (a lease in `signup_attempts`, which also
 * remembers the WHMCS client the attempt created, so a retry reuses it whatever email it brings);
 * user and id mapping are written in one transaction; if the final Salesforce update fails they
 * are deleted again, so the customer simply tries again. Source: docs/decisions/0006 and 0009.
 */
@Injectable()
export class SignupService {
  private readonly logger = new Logger(SignupService.name);

  constructor(
    private readonly salesforce: SalesforceClient,
    private readonly whmcs: WhmcsClient,
    private readonly cache: CacheService,
    private readonly users: UsersRepository,
    private readonly idMappings: IdMappingsRepository,
    private readonly attempts: SignupAttemptsRepository,
    private readonly audit: AuditLogRepository,
    private readonly hasher: PasswordHasher,
    private readonly refreshTokens: RefreshTokenService,
    private readonly sessions: SessionService,
  ) {}

  /**
   * Registers the customer and starts their session.
   * @throws AppError CUSTOMER_NUMBER_NOT_FOUND (404, `fields.customerNumber`), ALREADY_REGISTERED
   *   (409, `fields.customerNumber`), CONFLICT (409, `fields.customerNumber`: another sign-up for
   *   the customer number is under way), EMAIL_IN_USE (409, `fields.email`); `WhmcsError` /
   *   `SalesforceError` when an upstream fails (answered 503/502 by the exception filter).
   */
  async signup(request: SignupRequest, client: ClientInfo): Promise<IssuedSession> {
    const account = await this.findAccount(request.customerNumber);
    if (await this.idMappings.findBySfAccountId(account.id)) {
      throw alreadyRegistered();
    }
    if (await this.users.findByEmail(request.email)) {
      throw emailInUse();
    }
    const attempt = await this.attempts.claim(
      account.id,
      account.customerNumber,
      new Date(),
      ATTEMPT_LEASE_SECONDS,
    );
    if (!attempt) {
      throw signupInProgress();
    }
    const { user, billingClientId } = await this.register(request, account, attempt);
    await this.cache.invalidate(cacheKeys.customerNumber(request.customerNumber));
    await this.audit.record({
      event: "signup",
      userId: user.id,
      ...client,
      detail: { customerNumber: request.customerNumber, billingClientId, accountId: account.id },
    });
    const now = new Date();
    return this.sessions.issue(user, await this.refreshTokens.issue(user.id, now));
  }

  /**
   * The steps that create things (WHMCS client, portal user, Salesforce link), run while this
   * request holds `attempt`; the hold ends with them, whatever their outcome.
   */
  private async register(
    request: SignupRequest,
    account: CustomerAccount,
    attempt: SignupAttemptRow,
  ): Promise<{ user: UserRow; billingClientId: number }> {
    let linked = false;
    try {
      // Checked again under the lease: a request that held it until just now may have finished.
      if (await this.idMappings.findBySfAccountId(account.id)) {
        throw alreadyRegistered();
      }
      const contact = await this.salesforce.findPrimaryContact(account.id);
      const billingClientId = await this.billingClientFor(request, account, attempt);
      const passwordHash = await this.hasher.hash(request.password);
      const user = await this.createUser(
        request,
        account,
        billingClientId,
        contact?.id ?? null,
        passwordHash,
      );
      await this.linkOrUndo(request, account, billingClientId, user);
      linked = true;
      return { user, billingClientId };
    } finally {
      await this.settleAttempt(account.id, linked);
    }
  }

  /**
   * Marks the Account as registered in Salesforce; when that fails, deletes the portal user again
   * (the WHMCS client stays recorded on the attempt for the retry) and forgets the cached Account,
   * whose state is now unknown: the update may have been applied although its answer was lost.
   */
  private async linkOrUndo(
    request: SignupRequest,
    account: CustomerAccount,
    billingClientId: number,
    user: UserRow,
  ): Promise<void> {
    try {
      await this.salesforce.linkPortalAccount(account.id, {
        billingClientId,
        registrationSource: REGISTRATION_SOURCE,
      });
    } catch (error) {
      this.logger.warn(
        { err: error, accountId: account.id, billingClientId },
        "Salesforce link failed after the portal user was created; removing the user so the signup can be retried",
      );
      await this.users.delete(user.id);
      await this.cache.invalidate(cacheKeys.customerNumber(request.customerNumber));
      throw error;
    }
  }

  /**
   * Ends this request's hold on the attempt: forgets it after success, else releases the lease and
   * keeps the recorded WHMCS client. Never throws, so the sign-up's own outcome is what the caller
   * sees: a row left behind only delays a retry by the lease, and after success the id mapping
   * already stops every later sign-up before the claim.
   */
  private async settleAttempt(accountId: string, succeeded: boolean): Promise<void> {
    try {
      await (succeeded ? this.attempts.remove(accountId) : this.attempts.release(accountId));
    } catch (error) {
      this.logger.error(
        { err: error, accountId, succeeded },
        "Could not settle the signup attempt",
      );
    }
  }

  /** The Salesforce Account of `customerNumber` (cached 30 s to keep the form responsive). */
  private async findAccount(customerNumber: string): Promise<CustomerAccount> {
    const account = await this.cache.getOrLoad(
      cacheKeys.customerNumber(customerNumber),
      CACHE_TTL_SECONDS.customerNumberLookup,
      customerAccountSchema.nullable(),
      () => this.salesforce.findAccountByCustomerNumber(customerNumber),
    );
    if (!account) {
      const message = "We could not find this customer number. Check it against your contract.";
      throw new AppError("CUSTOMER_NUMBER_NOT_FOUND", message, {
        fields: { customerNumber: message },
      });
    }
    return account;
  }

  /**
   * The WHMCS client for the new user:
   * - the client an earlier attempt on this Account created (recorded on `attempt`), whatever
   *   email the retry brings, brought up to date with this submission (UpdateClient);
   * - else the one already holding the email when the portal created it for this same customer
   *   number (left by an attempt from before attempts were recorded); a client with that email
   *   created any other way belongs to someone else and is never attached;
   * - else a new one (AddClient), recorded on the attempt at once.
   * An Account Salesforce already shows as `Active` is only accepted when it points at exactly
   * that client — the trace of an attempt whose Salesforce update went through although we saw it
   * fail; any other Active Account was registered elsewhere.
   */
  private async billingClientFor(
    request: SignupRequest,
    account: CustomerAccount,
    attempt: SignupAttemptRow,
  ): Promise<number> {
    const emailOwner = await this.whmcs.findClientIdByEmail(request.email);
    const candidate = attempt.whmcsClientId ?? emailOwner;
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
    if (emailOwner !== null && attempt.whmcsClientId === null) {
      await this.checkReusable(emailOwner, request);
    }
    if (candidate === null) {
      const { clientId } = await this.whmcs.addClient({
        email: request.email,
        firstName: request.firstName,
        lastName: request.lastName,
        phone: request.phone,
        address: request.address,
        customerNumber: request.customerNumber,
      });
      await this.attempts.recordBillingClient(account.id, clientId);
      return clientId;
    }
    this.logger.log(
      { billingClientId: candidate, accountId: account.id },
      "Reusing the WHMCS client of an earlier signup attempt",
    );
    if (attempt.whmcsClientId === null) {
      await this.attempts.recordBillingClient(account.id, candidate);
    } else {
      await this.whmcs.updateClient(candidate, {
        email: request.email,
        firstName: request.firstName,
        lastName: request.lastName,
        phone: request.phone,
        address: request.address,
      });
    }
    return candidate;
  }

  /**
   * Refuses WHMCS client `clientId`, which holds the submitted email, unless the portal created it
   * for this customer number and no portal user has it.
   * @throws AppError EMAIL_IN_USE
   */
  private async checkReusable(clientId: number, request: SignupRequest): Promise<void> {
    if (await this.idMappings.findByWhmcsClientId(clientId)) {
      throw emailInUse();
    }
    const details = await this.whmcs.getClientDetails(clientId);
    if (details?.portalCustomerNumber !== request.customerNumber) {
      throw emailOfAnotherBillingAccount();
    }
  }

  /** Inserts user + mapping atomically; a lost race on a unique column reads as the matching 409. */
  private async createUser(
    request: SignupRequest,
    account: CustomerAccount,
    billingClientId: number,
    contactId: string | null,
    passwordHash: string,
  ): Promise<UserRow> {
    try {
      return await this.users.createWithMapping(
        {
          email: request.email,
          passwordHash,
          firstName: request.firstName,
          lastName: request.lastName,
        },
        {
          whmcsClientId: billingClientId,
          sfAccountId: account.id,
          sfContactId: contactId,
          customerNumber: account.customerNumber,
        },
      );
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
