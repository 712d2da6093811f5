import { type CatalogCategory, catalogItemSchema } from "@portal/domain";
import { z } from "zod";
import { type CacheTag, cachedRead } from "../cache/cached-read.js";

/**
 * The one tag of every cached catalog read: the catalog is the same for every customer, so a
 * product or price change drops all of it at once (`CatalogChanged`).
 */
export const catalogTag: CacheTag = { kind: "catalog", id: "global" };

/**
 * The orderable items of one category of the portal price book (Salesforce PricebookEntry with
 * Product2), as `SalesforceCatalog.listPortalItems` returns them, before grouping.
 * Shared by all customers, so — unlike every other cached read (DESIGN.md §5) — the key carries no
 * user or account id but the marker `global`, the price book's name and the category
 * (decision 0051: the value holds no customer data, so no customer can read another's).
 * Fresh until `catalogTag` is invalidated (on `CatalogChanged`), with a 15-minute TTL as the
 * safety net until Change Data Capture publishes that event for staff edits in Salesforce
 * (issue 7: "a product or price change is picked up within 15 minutes now").
 */
export const catalogItemsRead = cachedRead({
  namespace: "catalog",
  key: ({ pricebookName, category }: { pricebookName: string; category: CatalogCategory }) =>
    `global:${encodeURIComponent(pricebookName)}:${category}`,
  schema: z.array(catalogItemSchema),
  freshness: { ttlSeconds: 900 },
  tags: () => [catalogTag],
});
