import { SalesforceApiError } from "../salesforce-error.js";
import type { SfRecord } from "../state/salesforce-state.js";
import { sameRecordId } from "./record-id.js";
import type { RecordSource } from "./sobject-records.js";
import { SYSTEM_FIELDS } from "./system-fields.js";
import type { SObjectDescriptor } from "./sobject-type.js";

/**
 * PricebookEntry: a product's price in one price book. `Pricebook2Id` and `Product2Id` are set on
 * create and never updated (createable, not updateable); `UnitPrice` is a currency field;
 * `UseStandardPrice` says the entry follows the standard price book's price (the sandbox stores
 * it, it does not recompute prices from it). SOQL reaches the parents through the relationships
 * `Pricebook2` and `Product2` (`Product2.Name`), and the children from them as `PricebookEntries`.
 * Source: Salesforce Object Reference, "PricebookEntry".
 */
export const PRICEBOOK_ENTRY: SObjectDescriptor = {
  name: "PricebookEntry",
  label: "Price Book Entry",
  labelPlural: "Price Book Entries",
  keyPrefix: "01u",
  fields: [
    ...SYSTEM_FIELDS,
    {
      name: "Pricebook2Id",
      type: "reference",
      createable: true,
      updateable: false,
      required: true,
      referenceTo: "Pricebook2",
      relationshipName: "Pricebook2",
      childRelationshipName: "PricebookEntries",
    },
    {
      name: "Product2Id",
      type: "reference",
      createable: true,
      updateable: false,
      required: true,
      referenceTo: "Product2",
      relationshipName: "Product2",
      childRelationshipName: "PricebookEntries",
    },
    { name: "UnitPrice", type: "currency", createable: true, updateable: true, required: true },
    { name: "IsActive", type: "boolean", createable: true, updateable: true },
    { name: "UseStandardPrice", type: "boolean", createable: true, updateable: true },
  ],
  checkCreate: checkPricebookEntryCreate,
};

/**
 * The price book rules of a new PricebookEntry (its lookups already exist):
 * @throws SalesforceApiError 400 `DUPLICATE_VALUE` when the price book has an entry for the
 *   product; `STANDARD_PRICE_NOT_DEFINED` when the price book is a custom one and the product has
 *   no active entry in the standard price book.
 */
export function checkPricebookEntryCreate(values: Readonly<SfRecord>, source: RecordSource): void {
  const pricebookId = String(values.Pricebook2Id);
  const productId = String(values.Product2Id);
  const entries = source.list("PricebookEntry");
  const forProduct = (entry: SfRecord, pricebook: string) =>
    typeof entry.Pricebook2Id === "string" &&
    typeof entry.Product2Id === "string" &&
    sameRecordId(entry.Pricebook2Id, pricebook) &&
    sameRecordId(entry.Product2Id, productId);
  if (entries.some((entry) => forProduct(entry, pricebookId))) {
    throw new SalesforceApiError(
      400,
      "DUPLICATE_VALUE",
      "This price definition already exists in this price book",
    );
  }
  const standard = source.list("Pricebook2").find((pricebook) => pricebook.IsStandard === true);
  const isStandard =
    standard !== undefined &&
    typeof standard.Id === "string" &&
    sameRecordId(standard.Id, pricebookId);
  if (isStandard) return;
  const standardId = typeof standard?.Id === "string" ? standard.Id : null;
  const hasStandardPrice =
    standardId !== null &&
    entries.some((entry) => forProduct(entry, standardId) && entry.IsActive === true);
  if (!hasStandardPrice) {
    throw new SalesforceApiError(
      400,
      "STANDARD_PRICE_NOT_DEFINED",
      "No standard price defined for this product",
    );
  }
}
