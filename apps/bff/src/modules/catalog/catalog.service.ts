import { Inject, Injectable } from "@nestjs/common";
import {
  type CatalogCategory,
  catalogCategorySchema,
  type CatalogItem,
  groupInternetCatalog,
  groupSimCatalog,
  groupVpnCatalog,
  type InternetCatalog,
  type InternetOfferingType,
  type SimCatalog,
  type VpnCatalog,
} from "@portal/domain";
import { SalesforceClient } from "@portal/salesforce";
import { CacheService } from "../cache/cache.service.js";
import { APP_CONFIG } from "../config/config.module.js";
import { type AppConfig } from "../config/config.schema.js";
import { catalogItemsRead } from "./catalog.cached-reads.js";

/**
 * The product catalog: the visible, active products of the portal price book
 * (`SF_PORTAL_PRICEBOOK_NAME`) per category, read from Salesforce through the cache
 * (`catalog.cached-reads.ts`) and grouped the way a customer chooses (`@portal/domain`
 * `group*Catalog`). The same for every customer.
 * Every method throws what `CacheService.read` / the Salesforce client throw (`SalesforceError`,
 * which the global filter answers as 502/503).
 */
@Injectable()
export class CatalogService {
  constructor(
    private readonly salesforce: SalesforceClient,
    private readonly cache: CacheService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Fibre plans by offering type, with installation and activation fees and add-ons. With
   * `eligibleFor` (the offering type the customer's address qualifies for) only that offering
   * type's plans; without (not asked, pending, ineligible) every offering type, to browse.
   * Source: issue "catalog" — "once eligible, only the plans of that offering type".
   */
  async internet(eligibleFor: InternetOfferingType | null = null): Promise<InternetCatalog> {
    const catalog = groupInternetCatalog(await this.items("internet"));
    if (eligibleFor === null) return catalog;
    return {
      ...catalog,
      offeringTypes: catalog.offeringTypes.filter((group) => group.offeringType === eligibleFor),
    };
  }

  /** SIM plans, activation and SIM-type fees, voice options and add-ons. */
  async sim(): Promise<SimCatalog> {
    return groupSimCatalog(await this.items("sim"));
  }

  /** VPN router plans, fees and add-ons. */
  async vpn(): Promise<VpnCatalog> {
    return groupVpnCatalog(await this.items("vpn"));
  }

  /**
   * Checkout's read of `category`: grouped like the routes above (every offering type for
   * internet: eligibility is checkout's own check), read LIVE from Salesforce past the cache — a
   * product withdrawn or repriced a minute ago must not be sold from a stale copy — with the Id of
   * the portal price book the Order is created on (null when the category offers nothing).
   * Decision 0058.
   */
  async liveForCheckout(
    category: CatalogCategory,
  ): Promise<{ pricebookId: string | null; catalog: InternetCatalog | SimCatalog | VpnCatalog }> {
    const { pricebookId, items } = await this.salesforce.catalog.listPortalOffer(
      this.config.salesforce.portalPricebookName,
      category,
    );
    const group = { internet: groupInternetCatalog, sim: groupSimCatalog, vpn: groupVpnCatalog };
    return { pricebookId, catalog: group[category](items) };
  }

  /**
   * Every catalog item that names a WHMCS product, by that product id (`billingProductId`): how
   * a WHMCS service finds its product's names (subscriptions, decision 0075). Read through the
   * cache like the category routes.
   */
  async byBillingProductId(): Promise<Map<number, CatalogItem>> {
    const categories = await Promise.all(
      catalogCategorySchema.options.map((category) => this.items(category)),
    );
    const items = new Map<number, CatalogItem>();
    for (const item of categories.flat()) {
      if (item.billingProductId !== null) items.set(item.billingProductId, item);
    }
    return items;
  }

  private items(category: CatalogCategory): Promise<CatalogItem[]> {
    const pricebookName = this.config.salesforce.portalPricebookName;
    return this.cache.read(catalogItemsRead, { pricebookName, category }, () =>
      this.salesforce.catalog.listPortalItems(pricebookName, category),
    );
  }
}
