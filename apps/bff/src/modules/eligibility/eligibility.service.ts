import { Injectable, Logger } from "@nestjs/common";
import {
  type Address,
  type Eligibility,
  type EligibilityRequest,
  type InternetOfferingType,
  sameAddress,
} from "@portal/domain";
import { SalesforceClient, SalesforceError } from "@portal/salesforce";
import { BillingProfileService } from "../billing/billing-profile.service.js";
import { CacheService } from "../cache/cache.service.js";
import { AppError } from "../http/app-error.js";
import { IdentityService } from "../identity/identity.service.js";
import { eligibilityRead, eligibilityTags } from "./eligibility.cached-reads.js";
import { EligibilityRequestsRepository } from "./repositories/eligibility-requests.repository.js";

/**
 * Internet (fibre) eligibility of the signed-in customer's address (issue 7; decision 0053):
 * Salesforce holds the answer on the Account (`Internet_Eligibility_Status__c`,
 * `Internet_Eligibility__c`); staff give it after the portal opens a Case. Read through the cache
 * per Account (60 s); a request and `EligibilityChanged` drop it.
 *
 * For other features: {@link eligibleOfferingType} (the catalog's internet route shows only the
 * plans of that offering type) and {@link assertEligibleFor} (checkout refuses `NOT_ELIGIBLE`).
 */
@Injectable()
export class EligibilityService {
  private readonly logger = new Logger(EligibilityService.name);

  constructor(
    private readonly identities: IdentityService,
    private readonly billingProfiles: BillingProfileService,
    private readonly salesforce: SalesforceClient,
    private readonly requests: EligibilityRequestsRepository,
    private readonly cache: CacheService,
  ) {}

  /**
   * `GET /api/eligibility`: the customer's eligibility, cached per Account (60 s, dropped on change).
   * @throws AppError UNAUTHENTICATED; UPSTREAM_ERROR when Salesforce has no such Account;
   *   `SalesforceError` when Salesforce fails (→ 502/503).
   */
  async current(userId: string): Promise<Eligibility> {
    const { sfAccountId } = await this.identities.identityOf(userId);
    return this.cache.read(eligibilityRead, sfAccountId, () => this.load(sfAccountId));
  }

  /**
   * The offering type the customer's address is eligible for, or null when it is not (yet)
   * eligible. The catalog's internet route filters the fibre plans to this offering type.
   * @throws as {@link current}.
   */
  async eligibleOfferingType(userId: string): Promise<InternetOfferingType | null> {
    const eligibility = await this.current(userId);
    return eligibility.status === "eligible" ? eligibility.offeringType : null;
  }

  /**
   * Checkout's check before an internet order: the customer's address must be eligible for
   * `offeringType`, the offering type of the plan ordered.
   * @returns the address staff checked (the portal's request), or null when the portal did not
   *   ask (staff set it in Salesforce) — checkout installs at this address, not at another one.
   * @throws AppError NOT_ELIGIBLE (409) otherwise; as {@link current}.
   */
  async assertEligibleFor(
    userId: string,
    offeringType: InternetOfferingType,
  ): Promise<Eligibility["requestedAddress"]> {
    const eligibility = await this.current(userId);
    if (eligibility.status !== "eligible" || eligibility.offeringType !== offeringType) {
      throw new AppError(
        "NOT_ELIGIBLE",
        "Fibre internet of this type is not available at your address. Check your eligibility first.",
      );
    }
    return eligibility.requestedAddress;
  }

  /**
   * `POST /api/eligibility`: asks staff to check `request.address`, or without one the customer's
   * address in WHMCS (decision 0053). In order:
   * 1. the Account's status, read live: `pending` or `eligible` for the same address as the one
   *    known (the portal's last request, else the WHMCS address) is refused — nothing to ask;
   * 2. a Salesforce Case for staff (Origin `Portal Website`; the route's `Idempotency-Key` keeps a
   *    repeat from opening a second one);
   * 3. the Account PATCHed to `Pending`; when that fails, the Case is deleted again (so nothing is
   *    left half-made) and the failure answered;
   * 4. the request remembered (address, Case, time) and the cached eligibility dropped.
   * @returns the new eligibility (`pending`).
   * @throws AppError VALIDATION_FAILED (field `address`) when no address is given and WHMCS holds
   *   none the portal can read; ELIGIBILITY_ALREADY_REQUESTED (409); UNAUTHENTICATED;
   *   UPSTREAM_ERROR when Salesforce has no such Account; `SalesforceError` / `WhmcsError` when
   *   an upstream fails (→ 502/503), with nothing left behind.
   */
  async request(userId: string, request: EligibilityRequest): Promise<Eligibility> {
    const { mapping } = await this.identities.byUserId(userId);
    const { sfAccountId, sfContactId, customerNumber, whmcsClientId } = mapping;
    const onFile = async () => (await this.billingProfiles.of(whmcsClientId)).address;
    const address = request.address ?? (await onFile());
    if (!address) {
      const message = "Enter the address to check: we have no address on file for you.";
      throw new AppError("VALIDATION_FAILED", message, { fields: { address: message } });
    }
    const [account, previous] = await Promise.all([
      this.salesforce.accounts.eligibility(sfAccountId),
      this.requests.latest(sfAccountId),
    ]);
    if (!account) throw this.missingAccount(sfAccountId);
    if (account.status === "pending" || account.status === "eligible") {
      const known = previous?.address ?? (await onFile());
      if (known && sameAddress(known, address)) {
        throw new AppError(
          "ELIGIBILITY_ALREADY_REQUESTED",
          account.status === "pending"
            ? "We are already checking this address."
            : "This address is already eligible.",
        );
      }
    }

    const { caseId } = await this.salesforce.cases.createEligibilityCase({
      accountId: sfAccountId,
      contactId: sfContactId,
      customerNumber,
      address,
    });
    const requestedAt = new Date();
    try {
      await this.salesforce.accounts.markEligibilityPending(sfAccountId);
    } catch (error) {
      // Only a refusal says the Account is unchanged. After a timeout or a 5xx it may be Pending
      // already: the Case stays, so staff see every Account that may be waiting (decision 0053).
      if (error instanceof SalesforceError && error.kind === "rejected") {
        await this.takeBackCase(caseId, sfAccountId);
      } else {
        await this.remember(sfAccountId, address, caseId, requestedAt);
        await this.cache.invalidateTag(eligibilityTags.account(sfAccountId));
      }
      throw error;
    }
    await this.remember(sfAccountId, address, caseId, requestedAt);
    await this.cache.invalidateTag(eligibilityTags.account(sfAccountId));
    return {
      status: "pending",
      offeringType: null,
      requestedAddress: address,
      requestedAt: requestedAt.toISOString(),
    };
  }

  /** Reads the Account's eligibility and the portal's latest request for it. */
  private async load(sfAccountId: string): Promise<Eligibility> {
    const [account, previous] = await Promise.all([
      this.salesforce.accounts.eligibility(sfAccountId),
      this.requests.latest(sfAccountId),
    ]);
    if (!account) throw this.missingAccount(sfAccountId);
    // A request from before staff reset the Account to "Not Requested" no longer applies.
    const asked = account.status === "not_requested" ? undefined : previous;
    return {
      status: account.status,
      offeringType: account.offeringType,
      requestedAddress: asked?.address ?? null,
      requestedAt: asked?.requestedAt.toISOString() ?? null,
    };
  }

  /**
   * Deletes the Case of a request whose Account PATCH failed. When even that fails, the Case
   * stays (staff see a request the Account does not show as pending) and is logged with its Id.
   */
  private async takeBackCase(caseId: string, sfAccountId: string): Promise<void> {
    try {
      await this.salesforce.cases.delete(caseId);
    } catch (error) {
      this.logger.error(
        { err: error, caseId, sfAccountId },
        "An eligibility Case could not be deleted after its Account update failed; close it in Salesforce",
      );
    }
  }

  /**
   * Remembers the request. Salesforce already holds it (Case and Account), so a database failure
   * here only loses the address shown back to the customer: it is logged, not answered.
   */
  private async remember(
    sfAccountId: string,
    address: Address,
    caseId: string,
    requestedAt: Date,
  ): Promise<void> {
    try {
      await this.requests.record({ sfAccountId, address, caseId, requestedAt });
    } catch (error) {
      this.logger.error({ err: error, sfAccountId, caseId }, "Eligibility request not recorded");
    }
  }

  private missingAccount(sfAccountId: string): AppError {
    return new AppError(
      "UPSTREAM_ERROR",
      "Your customer record could not be found. Please contact support.",
      { cause: new Error(`Salesforce has no Account ${sfAccountId}, which id_mappings points at`) },
    );
  }
}
