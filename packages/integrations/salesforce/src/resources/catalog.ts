import { type CatalogCategory, catalogCategorySchema, type CatalogItem } from "@portal/domain";
import { z } from "zod";
import { type SalesforceCore } from "../core/salesforce-core.js";
import { SalesforceError } from "../errors/salesforce-error.js";
import { toCatalogItem, UnusableCatalogEntry } from "../mappers/catalog-item.js";
import { toRawPortalCategory } from "../mappers/product-picklists.js";
import { pricebookEntryFields, rawCatalogEntrySchema } from "../raw/pricebook-entry.js";
import { catalogProductFields } from "../raw/product.js";

/** A Pricebook2 `Name`: text up to 255 characters (Salesforce Object Reference, "Pricebook2"). */
// jsforce's SOQL builder escapes quotes but not backslashes, so a name with one is refused.
const pricebookNameSchema = z
  .string()
  .trim()
  .min(1)
  .max(255)
  .refine((name) => !name.includes("\\"), "must not contain a backslash");

/**
 * `salesforce.catalog`: the products the portal offers — the active entries of the portal price
 * book (found by its `Name`, decision 0051) whose product is active and `Portal_Visible__c`, with
 * the product's fields. SOQL is built by jsforce's query builder from validated input; every batch
 * is followed (`core.queryRecords`); reads are retried on transient failures.
 * Source: DESIGN.md §4 (Product2, Pricebook2, PricebookEntry).
 */
export class SalesforceCatalog {
  constructor(private readonly core: SalesforceCore) {}

  /**
   * The orderable items of `category` in the active price book named `pricebookName`, ordered by
   * `Product2.Display_Order__c` then SKU. Sends `SELECT Id, Pricebook2Id, Product2Id, UnitPrice,
   * IsActive, Product2.Id, Product2.StockKeepingUnit, … FROM PricebookEntry WHERE Pricebook2.Name =
   * '<name>' AND Pricebook2.IsActive = true AND IsActive = true AND Product2.IsActive = true AND
   * Product2.Portal_Visible__c = true AND Product2.Portal_Category__c = '<Internet|SIM|VPN>' ORDER BY
   * Product2.Display_Order__c ASC, Product2.StockKeepingUnit ASC`.
   * A row the portal cannot offer (see `toCatalogItem`) is left out and logged as a warning naming
   * the entry and field, so one misconfigured product does not take the catalog down.
   * Throws `SalesforceError`: `rejected` before any call when the name or category is invalid;
   * `malformed` when the rows come from more than one price book (two active price books share the
   * name); otherwise as any call.
   */
  async listPortalItems(pricebookName: string, category: CatalogCategory): Promise<CatalogItem[]> {
    return (await this.listPortalOffer(pricebookName, category)).items;
  }

  /**
   * {@link listPortalItems} with the Id of the price book they come from (null when the category
   * has no orderable item): checkout creates its Order on that price book.
   * Throws as {@link listPortalItems}.
   */
  async listPortalOffer(
    pricebookName: string,
    category: CatalogCategory,
  ): Promise<{ pricebookId: string | null; items: CatalogItem[] }> {
    const operation = "listCatalogItems";
    const name = pricebookNameSchema.safeParse(pricebookName);
    const parsedCategory = catalogCategorySchema.safeParse(category);
    if (!name.success || !parsedCategory.success) {
      throw new SalesforceError("rejected", operation, {
        message: name.success
          ? "Not a catalog category (internet, sim, vpn)"
          : "Not a price book name (1 to 255 characters)",
      });
    }
    const records = await this.core.queryRecords(
      operation,
      (conn) =>
        conn
          .sobject("PricebookEntry")
          .find(
            {
              "Pricebook2.Name": name.data,
              "Pricebook2.IsActive": true,
              IsActive: true,
              "Product2.IsActive": true,
              "Product2.Portal_Visible__c": true,
              "Product2.Portal_Category__c": toRawPortalCategory(parsedCategory.data),
            },
            [...pricebookEntryFields, ...catalogProductFields.map((field) => `Product2.${field}`)],
          )
          .sort({ "Product2.Display_Order__c": 1, "Product2.StockKeepingUnit": 1 })
          .toSOQL(),
      rawCatalogEntrySchema,
      "PricebookEntry query result",
    );
    const pricebooks = new Set(records.map((record) => record.Pricebook2Id));
    if (pricebooks.size > 1) {
      this.core.logger.warn(
        { pricebookIds: [...pricebooks] },
        "Several active Salesforce price books share the portal price book's name",
      );
      throw new SalesforceError("malformed", operation, {
        message: "More than one active price book has the portal price book's name",
      });
    }
    const items = records.flatMap((record) => {
      try {
        return [toCatalogItem(record)];
      } catch (error) {
        if (!(error instanceof UnusableCatalogEntry)) throw error;
        this.core.logger.warn(
          { pricebookEntryId: error.entryId, field: error.field },
          `Catalog entry left out: ${error.message}`,
        );
        return [];
      }
    });
    return { pricebookId: records[0]?.Pricebook2Id ?? null, items };
  }
}
