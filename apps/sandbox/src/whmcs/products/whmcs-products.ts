import { PRODUCTS, type SeededProduct } from "../../salesforce/seed/catalog-seed.js";

/**
 * The name of the product custom field that carries the Salesforce Order id on every service an
 * order creates, so the portal can find a WHMCS order again after a crash (decision 0060). WHMCS
 * custom fields belong to one product each, so every product has its own field with this name.
 */
export const SALESFORCE_ORDER_FIELD_NAME = "Salesforce Order ID";

/** A product custom field (tblcustomfields, type `product`) shown on the order form. */
export interface WhmcsProductCustomField {
  readonly id: number;
  readonly name: string;
  readonly description: string;
}

/**
 * A configured product (tblproducts) as GetProducts describes it. Money is WHMCS decimal text in
 * JPY (the only currency); `monthly` is the recurring price, `-1.00` when the product is one-time.
 */
export interface WhmcsProduct {
  readonly pid: number;
  readonly gid: number;
  readonly groupName: string;
  readonly name: string;
  readonly description: string;
  readonly paytype: "recurring" | "onetime";
  readonly monthly: string;
  readonly customFields: readonly WhmcsProductCustomField[];
}

/** Product groups (tblproductgroups), by the Salesforce `Portal_Category__c` they hold. */
const GROUPS: Readonly<Record<SeededProduct["category"], { gid: number; name: string }>> = {
  Internet: { gid: 1, name: "Internet" },
  SIM: { gid: 2, name: "SIM" },
  VPN: { gid: 3, name: "VPN" },
};

/**
 * The sandbox WHMCS's products: every product of the Salesforce catalog seed that names a WHMCS
 * product (`WH_Product_ID__c`), with that id, its English name and description (WHMCS keeps one
 * name per product; decision 0064), monthly price (tax
 * excluded, as `UnitPrice`), in its category's group, each with its "Salesforce Order ID" field
 * (id `pid * 10 + 1`). Configuration, not customer data, so not part of the state file (like the
 * payment gateways). Source: WHMCS/developer-docs api-reference/getproducts.md.
 */
export const WHMCS_PRODUCTS: readonly WhmcsProduct[] = PRODUCTS.flatMap((product) => {
  if (product.whmcsProductId === undefined) return [];
  const pid = Number(product.whmcsProductId);
  const group = GROUPS[product.category];
  return [
    {
      pid,
      gid: group.gid,
      groupName: group.name,
      name: product.nameEn,
      description: product.descriptionEn,
      paytype: product.monthly ? "recurring" : "onetime",
      monthly: product.price.toFixed(2),
      customFields: [
        {
          id: pid * 10 + 1,
          name: SALESFORCE_ORDER_FIELD_NAME,
          description: "Set by the customer portal",
        },
      ],
    },
  ];
});

/** The product with `pid`, if configured. */
export function findProduct(pid: number): WhmcsProduct | undefined {
  return WHMCS_PRODUCTS.find((product) => product.pid === pid);
}
