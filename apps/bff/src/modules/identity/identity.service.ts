import { Injectable } from "@nestjs/common";
import { type BillingClient, billingClientSchema } from "@portal/domain";
import { WhmcsClient } from "@portal/whmcs";
import { z } from "zod";
import { cacheKeys } from "../cache/cache-keys.js";
import { CACHE_TTL_SECONDS } from "../cache/cache-ttl.js";
import { CacheService } from "../cache/cache.service.js";
import { IdMappingsRepository } from "./repositories/id-mappings.repository.js";
import { UsersRepository } from "./repositories/users.repository.js";
import { type IdMappingRow } from "./schema/id-mappings.js";
import { type UserRow } from "./schema/users.js";
import { AppError } from "../http/app-error.js";

/** A signed-in customer: portal user plus the ids of their records upstream. */
export interface Customer {
  user: UserRow;
  mapping: IdMappingRow;
}

/**
 * Who a portal user is upstream: the ids a request needs to read their data, and nothing a
 * customer can edit (names and email stay in the database and WHMCS).
 */
export interface CustomerIdentity {
  /** Portal user id (uuid). */
  userId: string;
  /** WHMCS client id. */
  whmcsClientId: number;
  /** Salesforce Account id (18 characters). */
  sfAccountId: string;
  /** The customer number (`SF_Account_No__c`). */
  customerNumber: string;
}

const customerIdentitySchema = z.object({
  userId: z.string(),
  whmcsClientId: z.number().int(),
  sfAccountId: z.string(),
  customerNumber: z.string(),
});

/**
 * Who a portal user is across the systems of record, for every feature that reads customer data:
 * the user with their id mapping, and their WHMCS billing profile (cached 30 min, DESIGN.md §5).
 */
@Injectable()
export class IdentityService {
  constructor(
    private readonly users: UsersRepository,
    private readonly idMappings: IdMappingsRepository,
    private readonly whmcs: WhmcsClient,
    private readonly cache: CacheService,
  ) {}

  /**
   * The user `userId` with their mapping.
   * @throws AppError UNAUTHENTICATED when the user no longer exists (a token outliving its account).
   */
  async byUserId(userId: string): Promise<Customer> {
    const [user, mapping] = await Promise.all([
      this.users.findById(userId),
      this.idMappings.findByUserId(userId),
    ]);
    if (!user || !mapping) {
      throw new AppError("UNAUTHENTICATED", "Your session has ended. Please sign in again.");
    }
    return { user, mapping };
  }

  /**
   * The upstream ids of user `userId`, from the cache (decision 0029): a warm authorized read
   * touches no database. Cached under the user's id for {@link CACHE_TTL_SECONDS.identity}; the
   * mapping is written once at sign-up and never updated, so nothing else has to invalidate it.
   * @throws AppError UNAUTHENTICATED when the user or their mapping no longer exists.
   */
  async identityOf(userId: string): Promise<CustomerIdentity> {
    return this.cache.getOrLoad(
      cacheKeys.identity(userId),
      CACHE_TTL_SECONDS.identity,
      customerIdentitySchema,
      async () => {
        const { mapping } = await this.byUserId(userId);
        return {
          userId,
          whmcsClientId: mapping.whmcsClientId,
          sfAccountId: mapping.sfAccountId,
          customerNumber: mapping.customerNumber,
        };
      },
    );
  }

  /**
   * The WHMCS client profile of `billingClientId` (names, phone, address, currency).
   * @throws AppError UPSTREAM_ERROR when WHMCS no longer knows the mapped client;
   *   `WhmcsError` when WHMCS fails.
   */
  async billingProfile(billingClientId: number): Promise<BillingClient> {
    const profile = await this.cache.getOrLoad(
      cacheKeys.billingProfile(billingClientId),
      CACHE_TTL_SECONDS.billingProfile,
      billingClientSchema.nullable(),
      () => this.whmcs.clients.get(billingClientId),
    );
    if (!profile) {
      throw new AppError(
        "UPSTREAM_ERROR",
        "Your billing account could not be found. Please contact support.",
        { cause: new Error(`WHMCS has no client ${billingClientId}, which id_mappings points at`) },
      );
    }
    return profile;
  }

  /**
   * Drops the cached billing profile of `billingClientId`, after the portal changed it in WHMCS;
   * the one place a profile change invalidates the cache.
   */
  async forgetBillingProfile(billingClientId: number): Promise<void> {
    await this.cache.invalidate(cacheKeys.billingProfile(billingClientId));
  }
}
