import { Injectable } from "@nestjs/common";
import {
  type CatalogItem,
  type Money,
  sortSubscriptions,
  STANDARD_TAX_RATE,
  type Subscription,
  type SubscriptionList,
  taxByRate,
} from "@portal/domain";
import { type ClientService, WhmcsClient } from "@portal/whmcs";
import { BillingProfileService } from "../billing/billing-profile.service.js";
import { CacheService } from "../cache/cache.service.js";
import { CatalogService } from "../catalog/catalog.service.js";
import { IdentityService } from "../identity/identity.service.js";
import { subscriptionListRead } from "./subscriptions.cached-reads.js";

/**
 * The customer's services — their subscriptions — as WHMCS bills them (GetClientsProducts),
 * named in both languages from the catalog product with the same WHMCS product id
 * (`WH_Product_ID__c`), cached per client 5 min (`subscriptions.cached-reads.ts`) and dropped by
 * fulfilment and WHMCS webhooks (`SubscriptionsCacheInvalidator`). Decision 0075.
 * Every method throws what the identity, cache and WHMCS/Salesforce clients throw (the global
 * filter answers upstream errors as 502/503).
 */
@Injectable()
export class SubscriptionsService {
  constructor(
    private readonly identities: IdentityService,
    private readonly billingProfiles: BillingProfileService,
    private readonly catalog: CatalogService,
    private readonly whmcs: WhmcsClient,
    private readonly cache: CacheService,
  ) {}

  /** Every service of the caller, current ones first (`sortSubscriptions`). */
  async list(userId: string): Promise<SubscriptionList> {
    const { whmcsClientId } = await this.identities.identityOf(userId);
    return this.cache.read(subscriptionListRead, whmcsClientId, () => this.load(whmcsClientId));
  }

  private async load(clientId: number): Promise<SubscriptionList> {
    const { currency } = await this.billingProfiles.of(clientId);
    const [services, products] = await Promise.all([
      this.whmcs.services.list(clientId, currency),
      this.catalog.byBillingProductId(),
    ]);
    return {
      items: sortSubscriptions(
        services.map((service) => toSubscription(service, products.get(service.productId))),
      ),
    };
  }
}

/** A WHMCS service as the portal shows it, named by its catalog `product` when there is one. */
function toSubscription(service: ClientService, product: CatalogItem | undefined): Subscription {
  const billed = service.billingCycle !== "one_time" && service.billingCycle !== "free";
  return {
    id: service.id,
    orderNumber: service.orderId,
    name: product?.name ?? { ja: service.productName, en: service.productName },
    category: product?.category ?? null,
    status: service.status,
    billingCycle: service.billingCycle,
    recurring: billed ? withTax(service.recurring) : null,
    startedOn: service.registeredOn,
    nextDueOn: billed ? service.nextDueOn : null,
  };
}

/**
 * A recurring amount as WHMCS bills it (tax excluded) with the tax-included amount a consumer is
 * shown: every portal product bears the standard rate (catalog decision 0051).
 */
function withTax(taxExcluded: Money): { taxExcluded: Money; taxIncluded: Money } {
  const [rate] = taxByRate(
    [{ amount: taxExcluded, taxRate: STANDARD_TAX_RATE }],
    taxExcluded.currency,
  );
  const tax = rate?.tax.amount ?? 0;
  return {
    taxExcluded,
    taxIncluded: { amount: taxExcluded.amount + tax, currency: taxExcluded.currency },
  };
}
