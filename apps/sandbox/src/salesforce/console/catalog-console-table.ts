import { html, type SafeHtml } from "../../html/html.js";
import { statusChip } from "../../console/status-chip.js";
import type { SandboxServices } from "../../server/sandbox-services.js";
import { PORTAL_PRICEBOOK_NAME } from "../seed/catalog-seed.js";

/**
 * The console's product table: every entry of the price book named `Portal` (the BFF's default
 * `SF_PORTAL_PRICEBOOK_NAME`) with its product — category, SKU, name, the price (yen, tax
 * excluded) in a form that saves it, and buttons that toggle the entry's `IsActive`, the product's
 * `Portal_Visible__c` and `IsActive` (see `catalog-control-routes.ts`).
 */
export function catalogConsoleTable(services: SandboxServices): SafeHtml {
  const pricebook = services.records
    .list("Pricebook2")
    .find((record) => record.Name === PORTAL_PRICEBOOK_NAME);
  const products = new Map(
    services.records.list("Product2").map((product) => [String(product.Id), product]),
  );
  const entries = services.records
    .list("PricebookEntry")
    .filter((entry) => pricebook !== undefined && entry.Pricebook2Id === pricebook.Id);
  const rows = entries.map((entry) => {
    const product = products.get(String(entry.Product2Id));
    if (!product) return html``;
    const entryId = String(entry.Id);
    const productId = String(product.Id);
    const toggle = (path: string, field: string, value: boolean, label: string) =>
      html`<button
        class="small secondary"
        data-method="PATCH"
        data-call="${path}"
        data-body="${JSON.stringify({ [field]: !value })}"
      >
        ${label}
      </button>`;
    return html`<tr>
      <td>${String(product.Portal_Category__c ?? "—")}</td>
      <td><code>${String(product.StockKeepingUnit ?? "")}</code></td>
      <td>${String(product.Name ?? "")}</td>
      <td>
        <form
          class="inline"
          data-method="PATCH"
          data-call="/__control/salesforce/pricebook-entries/${entryId}"
        >
          <input
            type="number"
            name="unitPrice"
            min="0"
            step="1"
            value="${String(entry.UnitPrice ?? 0)}"
            aria-label="Price of ${String(product.StockKeepingUnit ?? "")} (yen, tax excluded)"
          />
          <button class="small" type="submit">Save</button>
        </form>
      </td>
      <td>
        ${statusChip(entry.IsActive === true ? "active" : "inactive", entry.IsActive === true ? "ok" : "neutral")}
        ${toggle(`/__control/salesforce/pricebook-entries/${entryId}`, "isActive", entry.IsActive === true, "Toggle")}
      </td>
      <td>
        ${statusChip(product.Portal_Visible__c === true ? "visible" : "hidden", product.Portal_Visible__c === true ? "ok" : "neutral")}
        ${toggle(`/__control/salesforce/products/${productId}`, "visible", product.Portal_Visible__c === true, "Toggle")}
      </td>
      <td>
        ${statusChip(product.IsActive === true ? "active" : "retired", product.IsActive === true ? "ok" : "neutral")}
        ${toggle(`/__control/salesforce/products/${productId}`, "isActive", product.IsActive === true, "Toggle")}
      </td>
    </tr>`;
  });
  return html`<h3>Portal price book (“${PORTAL_PRICEBOOK_NAME}”)</h3>
    <p class="muted">
      Prices are <code>UnitPrice</code> in yen, tax excluded. The portal picks up a change within 15
      minutes (its catalog cache), or at once when it hears of the change.
    </p>
    <table>
      <thead>
        <tr>
          <th>Category</th>
          <th>SKU</th>
          <th>Product</th>
          <th>Price (¥, excl. tax)</th>
          <th>Entry</th>
          <th>Portal visible</th>
          <th>Product</th>
        </tr>
      </thead>
      <tbody>
        ${rows}
      </tbody>
    </table>`;
}
