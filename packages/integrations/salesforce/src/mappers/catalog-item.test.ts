import { catalogItemSchema } from "@portal/domain";
import { describe, expect, it } from "vitest";
import { rawCatalogEntrySchema } from "../raw/pricebook-entry.js";
import { queryResultSchema } from "../raw/query-result.js";
import { toCatalogItem, UnusableCatalogEntry } from "./catalog-item.js";
import { toRawPortalCategory } from "./product-picklists.js";

// A query response as GET /services/data/v62.0/query?q=SELECT … Product2.… FROM PricebookEntry
// returns it: parent fields nested under the relationship name with their own `attributes`.
const queryResponse = JSON.parse(`{
  "totalSize": 2,
  "done": true,
  "records": [
    {
      "attributes": { "type": "PricebookEntry", "url": "/services/data/v62.0/sobjects/PricebookEntry/01uDEMO00000040AAA" },
      "Id": "01uDEMO00000040AAA",
      "Pricebook2Id": "01sDEMO00000002AAA",
      "Product2Id": "01tDEMO00000020AAA",
      "UnitPrice": 773,
      "IsActive": true,
      "Product2": {
        "attributes": { "type": "Product2", "url": "/services/data/v62.0/sobjects/Product2/01tDEMO00000020AAA" },
        "Id": "01tDEMO00000020AAA",
        "StockKeepingUnit": "SIM-VOICE-2GB",
        "Name": "音声SIM 2GB",
        "Name_En__c": "SIM Data+Voice 2GB",
        "Description": "毎月2GBのデータ通信",
        "Description_En__c": "2 GB of data per month",
        "Portal_Category__c": "SIM",
        "Portal_Visible__c": true,
        "Item_Class__c": "Service",
        "Billing_Cycle__c": "Monthly",
        "WH_Product_ID__c": "201",
        "Internet_Offering_Type__c": null,
        "Internet_Plan_Tier__c": null,
        "SIM_Data_Size__c": 2,
        "SIM_Plan_Type__c": "Data+Voice",
        "SIM_Type__c": null,
        "Display_Order__c": 200,
        "IsActive": true
      }
    },
    {
      "attributes": { "type": "PricebookEntry", "url": "/services/data/v62.0/sobjects/PricebookEntry/01uDEMO00000014AAA" },
      "Id": "01uDEMO00000014AAA",
      "Pricebook2Id": "01sDEMO00000002AAA",
      "Product2Id": "01tDEMO00000007AAA",
      "UnitPrice": 18000.0,
      "IsActive": true,
      "Product2": {
        "attributes": { "type": "Product2", "url": "/services/data/v62.0/sobjects/Product2/01tDEMO00000007AAA" },
        "Id": "01tDEMO00000007AAA",
        "StockKeepingUnit": "NET-INSTALL-HOME",
        "Name": "光回線 工事費(戸建て)",
        "Name_En__c": null,
        "Description": null,
        "Description_En__c": null,
        "Portal_Category__c": "Internet",
        "Portal_Visible__c": true,
        "Item_Class__c": "Installation",
        "Billing_Cycle__c": "Onetime",
        "WH_Product_ID__c": null,
        "Internet_Offering_Type__c": "Home 1G",
        "Internet_Plan_Tier__c": null,
        "SIM_Data_Size__c": null,
        "SIM_Plan_Type__c": null,
        "SIM_Type__c": null,
        "Display_Order__c": null,
        "IsActive": true
      }
    }
  ]
}`) as unknown;

const [simPlan, installation] =
  queryResultSchema(rawCatalogEntrySchema).parse(queryResponse).records;
if (!simPlan || !installation) throw new Error("fixture has two records");

describe("toCatalogItem", () => {
  it("maps a SIM plan entry: domain enums, both prices, WHMCS product id", () => {
    const item = toCatalogItem(simPlan);

    expect(catalogItemSchema.parse(item)).toEqual({
      id: "01uDEMO00000040AAA",
      productId: "01tDEMO00000020AAA",
      sku: "SIM-VOICE-2GB",
      name: { ja: "音声SIM 2GB", en: "SIM Data+Voice 2GB" },
      description: { ja: "毎月2GBのデータ通信", en: "2 GB of data per month" },
      category: "sim",
      itemClass: "service",
      price: {
        taxExcluded: { amount: 773, currency: "JPY" },
        taxIncluded: { amount: 850, currency: "JPY" },
        taxRate: 10,
        billingCycle: "monthly",
      },
      billingProductId: 201,
      displayOrder: 200,
      offeringType: null,
      planTier: null,
      dataSizeGb: 2,
      simPlanType: "voice",
      simType: null,
    });
  });

  it("maps a one-time installation fee of an offering type; no display order sorts last", () => {
    expect(toCatalogItem(installation)).toMatchObject({
      // No English name: the Japanese one stands in (decision 0064).
      name: { ja: "光回線 工事費(戸建て)", en: "光回線 工事費(戸建て)" },
      description: null,
      category: "internet",
      itemClass: "installation",
      offeringType: "home_1g",
      billingProductId: null,
      displayOrder: Number.MAX_SAFE_INTEGER,
      price: { taxIncluded: { amount: 19_800 }, billingCycle: "one_time" },
    });
  });

  it.each([
    [{ UnitPrice: 99.5 }, "UnitPrice"],
    [{ UnitPrice: -1 }, "UnitPrice"],
    [{ Product2: null }, "Product2"],
    [{ Product2: { ...simPlan.Product2!, StockKeepingUnit: " " } }, "Product2.StockKeepingUnit"],
    [{ Product2: { ...simPlan.Product2!, Item_Class__c: "Bundle" } }, "Product2.Item_Class__c"],
    [{ Product2: { ...simPlan.Product2!, Billing_Cycle__c: null } }, "Product2.Billing_Cycle__c"],
    [
      { Product2: { ...simPlan.Product2!, SIM_Plan_Type__c: "Voice" } },
      "Product2.SIM_Plan_Type__c",
    ],
    [{ Product2: { ...simPlan.Product2!, WH_Product_ID__c: "abc" } }, "Product2.WH_Product_ID__c"],
    [{ Product2: { ...simPlan.Product2!, SIM_Data_Size__c: 0 } }, "Product2.SIM_Data_Size__c"],
  ])("refuses an entry it cannot offer (%j), naming %s", (change, field) => {
    const attempt = () => toCatalogItem({ ...simPlan, ...change });

    expect(attempt).toThrow(UnusableCatalogEntry);
    expect(attempt).toThrow(expect.objectContaining({ field, entryId: simPlan.Id }));
  });
});

describe("toRawPortalCategory", () => {
  it("names the picklist value of each category", () => {
    expect(["internet", "sim", "vpn"].map((c) => toRawPortalCategory(c as "sim"))).toEqual([
      "Internet",
      "SIM",
      "VPN",
    ]);
  });
});
