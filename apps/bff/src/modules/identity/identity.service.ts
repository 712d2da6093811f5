import { Injectable } from "@nestjs/common";
import { CacheService } from "../cache/cache.service.js";
import { AppError } from "../http/app-error.js";
import { type CustomerIdentity, identityRead } from "./identity.cached-reads.js";
import { IdMappingsRepository } from "./repositories/id-mappings.repository.js";
import { UsersRepository } from "./repositories/users.repository.js";
import { type IdMappingRow } from "./schema/id-mappings.js";
import { type UserRow } from "./schema/users.js";

/** A signed-in customer: portal user plus the ids of their records upstream. */
export interface Customer {
  user: UserRow;
  mapping: IdMappingRow;
}

/**
 * Who a portal user is across the systems of record, for every feature that reads customer data:
 * the user with their mapping to the WHMCS client and Salesforce Account.
 */
@Injectable()
export class IdentityService {
  constructor(
    private readonly users: UsersRepository,
    private readonly idMappings: IdMappingsRepository,
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
   * touches no database. Cached under the user's id ({@link identityRead}); the mapping is written
   * once at sign-up and never updated, so nothing else has to invalidate it.
   * @throws AppError UNAUTHENTICATED when the user or their mapping no longer exists.
   */
  async identityOf(userId: string): Promise<CustomerIdentity> {
    return this.cache.read(identityRead, userId, async () => {
      const { mapping } = await this.byUserId(userId);
      return {
        userId,
        whmcsClientId: mapping.whmcsClientId,
        sfAccountId: mapping.sfAccountId,
        customerNumber: mapping.customerNumber,
      };
    });
  }
}
