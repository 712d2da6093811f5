import { Injectable } from "@nestjs/common";
import { type BillingClient } from "@portal/domain";
import { WhmcsClient } from "@portal/whmcs";
import { CacheService } from "../cache/cache.service.js";
import { AppError } from "../http/app-error.js";
import { billingProfileRead } from "./billing.cached-reads.js";

/**
 * A WHMCS client's profile (names, phone, address, currency), cached 30 min (DESIGN.md §5):
 * the account's profile, the dashboard's names and the currency invoices are priced in.
 */
@Injectable()
export class BillingProfileService {
  constructor(
    private readonly whmcs: WhmcsClient,
    private readonly cache: CacheService,
  ) {}

  /**
   * The WHMCS client profile of `billingClientId`.
   * @throws AppError UPSTREAM_ERROR when WHMCS no longer knows the mapped client;
   *   `WhmcsError` when WHMCS fails.
   */
  async of(billingClientId: number): Promise<BillingClient> {
    const profile = await this.cache.read(billingProfileRead, billingClientId, () =>
      this.whmcs.clients.get(billingClientId),
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
   * Drops the cached profile of `billingClientId`, after the portal changed it in WHMCS; the one
   * place a profile change invalidates the cache.
   */
  async forget(billingClientId: number): Promise<void> {
    await this.cache.forget(billingProfileRead, billingClientId);
  }
}
