import { Injectable, Logger } from "@nestjs/common";
import { type CustomerAccount, customerAccountSchema, type SignupRequest } from "@portal/domain";
import { SalesforceClient } from "@portal/salesforce";
import { WhmcsClient } from "@portal/whmcs";
import { cacheKeys } from "../cache/cache-keys.js";
import { CACHE_TTL_SECONDS } from "../cache/cache-ttl.js";
import { CacheService } from "../cache/cache.service.js";
import { AuditLogRepository } from "../database/repositories/audit-log.repository.js";
import { IdMappingsRepository } from "../database/repositories/id-mappings.repository.js";
import { UsersRepository } from "../database/repositories/users.repository.js";
import { type UserRow } from "../database/schema/users.js";
import { uniqueViolation } from "../database/unique-violation.js";
import { AppError } from "../http/app-error.js";
import { type ClientInfo } from "./client-info.js";
import { PasswordHasher } from "./password-hasher.js";
import { RefreshTokenService } from "./refresh-token.service.js";
import { type IssuedSession, SessionService } from "./session.service.js";

/** Written to the Account's `Portal_Registration_Source__c`. */
const REGISTRATION_SOURCE = "Portal Signup";

function alreadyRegistered(): AppError {
  const message = "This customer number already has a portal account. Sign in instead.";
  return new AppError("ALREADY_REGISTERED", message, { fields: { customerNumber: message } });
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
 * first; the WHMCS client is looked up by email before one is created (so a retry reuses the
 * client an earlier failed attempt made); user and id mapping are written in one transaction;
 * if the final Salesforce update fails they are deleted again, so the customer simply tries again.
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
    private readonly audit: AuditLogRepository,
    private readonly hasher: PasswordHasher,
    private readonly refreshTokens: RefreshTokenService,
    private readonly sessions: SessionService,
  ) {}

  /**
   * Registers the customer and starts their session.
   * @throws AppError CUSTOMER_NUMBER_NOT_FOUND (404, `fields.customerNumber`), ALREADY_REGISTERED
   *   (409, `fields.customerNumber`), EMAIL_IN_USE (409, `fields.email`); `WhmcsError` /
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
    const contact = await this.salesforce.findPrimaryContact(account.id);
    const billingClientId = await this.billingClientFor(request, account);
    const passwordHash = await this.hasher.hash(request.password);

    const user = await this.createUser(
      request,
      account,
      billingClientId,
      contact?.id ?? null,
      passwordHash,
    );
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
      throw error;
    }
    await this.cache.invalidate(cacheKeys.customerNumber(request.customerNumber));
    await this.audit.record({
      event: "signup",
      userId: user.id,
      ...client,
      detail: { customerNumber: request.customerNumber, billingClientId, accountId: account.id },
    });
    const now = new Date();
    return this.sessions.issue(user, await this.refreshTokens.issue(user.id, now), now);
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
   * The WHMCS client for the new user: the one already holding the email when the portal created
   * it for this same customer number (left by an earlier attempt whose Salesforce step failed), or
   * a new one. A client with that email created any other way belongs to someone else and is
   * never attached. An Account Salesforce already shows as
   * `Active` is only accepted when it points at exactly that client — the trace of an attempt
   * whose Salesforce update went through although we saw it fail; any other Active Account was
   * registered elsewhere.
   */
  private async billingClientFor(
    request: SignupRequest,
    account: CustomerAccount,
  ): Promise<number> {
    const existing = await this.whmcs.findClientIdByEmail(request.email);
    if (
      account.portalStatus === "active" &&
      (existing === null || existing !== account.billingClientId)
    ) {
      throw alreadyRegistered();
    }
    if (existing !== null) {
      if (await this.idMappings.findByWhmcsClientId(existing)) {
        throw emailInUse();
      }
      const details = await this.whmcs.getClientDetails(existing);
      if (details?.portalCustomerNumber !== request.customerNumber) {
        throw emailOfAnotherBillingAccount();
      }
      this.logger.log(
        { billingClientId: existing, accountId: account.id },
        "Reusing the WHMCS client of an earlier signup attempt",
      );
      return existing;
    }
    const { clientId } = await this.whmcs.addClient({
      email: request.email,
      firstName: request.firstName,
      lastName: request.lastName,
      phone: request.phone,
      address: request.address,
      customerNumber: request.customerNumber,
    });
    return clientId;
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
