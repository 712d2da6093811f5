import { describe, expect, it } from "vitest";
import { type CatalogItem } from "./catalog-item.js";
import { catalogPrice } from "./catalog-price.js";
import { groupInternetCatalog, groupSimCatalog, groupVpnCatalog } from "./group-catalog.js";

let sequence = 0;
function item(
  fields: Partial<CatalogItem> & Pick<CatalogItem, "sku" | "category" | "itemClass">,
): CatalogItem {
  sequence += 1;
  return {
    id: `01u${sequence}`,
    productId: `01t${sequence}`,
    name: { ja: fields.sku, en: fields.sku },
    description: null,
    price: catalogPrice(
      1_000,
      fields.itemClass === "service" || fields.itemClass === "add_on" ? "monthly" : "one_time",
    ),
    billingProductId: null,
    displayOrder: sequence * 10,
    offeringType: null,
    planTier: null,
    dataSizeGb: null,
    simPlanType: null,
    simType: null,
    ...fields,
  };
}

const skus = (items: readonly CatalogItem[]) => items.map((each) => each.sku);

describe("groupInternetCatalog", () => {
  const items = [
    item({
      sku: "MANSION-STD",
      category: "internet",
      itemClass: "service",
      offeringType: "mansion_1g",
    }),
    item({
      sku: "HOME-PRM",
      category: "internet",
      itemClass: "service",
      offeringType: "home_1g",
      displayOrder: 2,
    }),
    item({
      sku: "HOME-STD",
      category: "internet",
      itemClass: "service",
      offeringType: "home_1g",
      displayOrder: 1,
    }),
    item({ sku: "NO-TYPE", category: "internet", itemClass: "service" }),
    item({
      sku: "INSTALL-HOME",
      category: "internet",
      itemClass: "installation",
      offeringType: "home_1g",
    }),
    item({ sku: "INSTALL-ANY", category: "internet", itemClass: "installation" }),
    item({ sku: "ACTIVATION", category: "internet", itemClass: "activation" }),
    item({ sku: "ROUTER", category: "internet", itemClass: "add_on" }),
    item({ sku: "SIM-PLAN", category: "sim", itemClass: "service" }),
  ];

  it("groups plans by offering type in enum order, each with its installation fees", () => {
    const catalog = groupInternetCatalog(items);

    expect(
      catalog.offeringTypes.map((group) => [
        group.offeringType,
        group.maxSpeedMbps,
        skus(group.plans),
        skus(group.installationFees),
      ]),
    ).toEqual([
      ["home_1g", 1_000, ["HOME-STD", "HOME-PRM"], ["INSTALL-HOME", "INSTALL-ANY"]],
      ["mansion_1g", 1_000, ["MANSION-STD"], ["INSTALL-ANY"]],
    ]);
    expect(catalog.offeringTypes[0]?.plans.every((plan) => plan.offeringType === "home_1g")).toBe(
      true,
    );
    expect(skus(catalog.activationFees)).toEqual(["ACTIVATION"]);
    expect(skus(catalog.addOns)).toEqual(["ROUTER"]);
  });

  it("is empty for no items", () => {
    expect(groupInternetCatalog([])).toEqual({ offeringTypes: [], activationFees: [], addOns: [] });
  });
});

describe("groupSimCatalog", () => {
  it("orders voice plans before data plans by size, splits fees by SIM type and options by plan type", () => {
    const catalog = groupSimCatalog([
      item({
        sku: "DATA-5",
        category: "sim",
        itemClass: "service",
        simPlanType: "data",
        dataSizeGb: 5,
      }),
      item({
        sku: "VOICE-20",
        category: "sim",
        itemClass: "service",
        simPlanType: "voice",
        dataSizeGb: 20,
      }),
      item({
        sku: "VOICE-2",
        category: "sim",
        itemClass: "service",
        simPlanType: "voice",
        dataSizeGb: 2,
      }),
      item({ sku: "ACTIVATION", category: "sim", itemClass: "activation" }),
      item({ sku: "ISSUE-ESIM", category: "sim", itemClass: "activation", simType: "esim" }),
      item({ sku: "ISSUE-CARD", category: "sim", itemClass: "activation", simType: "physical" }),
      item({ sku: "CALLS-5", category: "sim", itemClass: "add_on", simPlanType: "voice" }),
      item({ sku: "DATA-BOOST", category: "sim", itemClass: "add_on" }),
      item({ sku: "VPN-PLAN", category: "vpn", itemClass: "service" }),
    ]);

    expect(skus(catalog.plans)).toEqual(["VOICE-2", "VOICE-20", "DATA-5"]);
    expect(skus(catalog.activationFees)).toEqual(["ACTIVATION"]);
    expect(catalog.simTypes.map((group) => [group.simType, skus(group.fees)])).toEqual([
      ["physical", ["ISSUE-CARD"]],
      ["esim", ["ISSUE-ESIM"]],
    ]);
    expect(skus(catalog.voiceOptions)).toEqual(["CALLS-5"]);
    expect(skus(catalog.addOns)).toEqual(["DATA-BOOST"]);
  });
});

describe("groupVpnCatalog", () => {
  it("keeps VPN items only, by class and display order", () => {
    const catalog = groupVpnCatalog([
      item({ sku: "PRO", category: "vpn", itemClass: "service", displayOrder: 20 }),
      item({ sku: "STD", category: "vpn", itemClass: "service", displayOrder: 10 }),
      item({ sku: "SETUP", category: "vpn", itemClass: "activation" }),
      item({ sku: "SUPPORT", category: "vpn", itemClass: "add_on" }),
      item({ sku: "ROUTER", category: "internet", itemClass: "add_on" }),
    ]);

    expect([skus(catalog.plans), skus(catalog.activationFees), skus(catalog.addOns)]).toEqual([
      ["STD", "PRO"],
      ["SETUP"],
      ["SUPPORT"],
    ]);
  });
});
