import { describe, expect, it } from "vitest";
import { type CatalogItem } from "../catalog/catalog-item.js";
import { catalogPrice } from "../catalog/catalog-price.js";
import {
  groupInternetCatalog,
  groupSimCatalog,
  groupVpnCatalog,
} from "../catalog/group-catalog.js";
import {
  installationDateWindow,
  type OrderChoice,
  placeOrderRequestSchema,
} from "./checkout-request.js";
import { OrderQuoteError, quoteOrder } from "./order-quote.js";

function item(
  id: string,
  fields: Partial<CatalogItem> & Pick<CatalogItem, "category" | "itemClass">,
  taxExcludedYen: number,
): CatalogItem {
  const monthly = fields.itemClass === "service" || fields.itemClass === "add_on";
  return {
    id,
    productId: `01t${id}`,
    sku: id,
    name: { ja: id, en: id },
    description: null,
    price: catalogPrice(taxExcludedYen, monthly ? "monthly" : "one_time"),
    billingProductId: null,
    displayOrder: 0,
    offeringType: null,
    planTier: null,
    dataSizeGb: null,
    simPlanType: null,
    simType: null,
    ...fields,
  };
}

const internet = groupInternetCatalog([
  item("HOME1G", { category: "internet", itemClass: "service", offeringType: "home_1g" }, 4_800),
  item(
    "MANSION",
    { category: "internet", itemClass: "service", offeringType: "mansion_1g" },
    3_800,
  ),
  item(
    "INST-HOME",
    { category: "internet", itemClass: "installation", offeringType: "home_1g" },
    19_800,
  ),
  item(
    "INST-MANSION",
    { category: "internet", itemClass: "installation", offeringType: "mansion_1g" },
    15_000,
  ),
  item("ACT", { category: "internet", itemClass: "activation" }, 3_000),
  item("IPV6", { category: "internet", itemClass: "add_on" }, 0),
  item("ROUTER", { category: "internet", itemClass: "add_on" }, 773),
]);

const sim = groupSimCatalog([
  item(
    "VOICE5",
    { category: "sim", itemClass: "service", simPlanType: "voice", dataSizeGb: 5 },
    1_480,
  ),
  item("DATA3", { category: "sim", itemClass: "service", simPlanType: "data", dataSizeGb: 3 }, 880),
  item("SIM-ACT", { category: "sim", itemClass: "activation" }, 3_300),
  item("ESIM-FEE", { category: "sim", itemClass: "activation", simType: "esim" }, 440),
  item("CARD-FEE", { category: "sim", itemClass: "activation", simType: "physical" }, 394),
  item("CALL10", { category: "sim", itemClass: "add_on", simPlanType: "voice" }, 850),
  item("SAFETY", { category: "sim", itemClass: "add_on" }, 200),
]);

const vpn = groupVpnCatalog([
  item("VPN", { category: "vpn", itemClass: "service" }, 2_500),
  item("VPN-ACT", { category: "vpn", itemClass: "activation" }, 3_000),
]);

type SimChoice = Extract<OrderChoice, { category: "sim" }>;
const simRequest = (fields: Partial<SimChoice>): SimChoice => ({
  category: "sim",
  planId: "VOICE5",
  simType: "physical",
  eid: null,
  voiceOptionIds: [],
  addOnIds: [],
  mnp: null,
  ...fields,
});

const mnp = {
  reservationNumber: "1234567890",
  expiresOn: "2026-12-20",
  lastName: "山田",
  firstName: "太郎",
  lastNameKana: "ヤマダ",
  firstNameKana: "タロウ",
  birthdate: "1990-04-01",
  gender: "male" as const,
};

describe("quoteOrder", () => {
  it("adds the installation fee of the plan's offering type and the activation fee to a fibre plan", () => {
    const quote = quoteOrder(
      {
        category: "internet",
        planId: "MANSION",
        addOnIds: ["ROUTER"],
        installation: { firstChoice: "2026-12-20", secondChoice: null, timeSlot: "any" },
      },
      internet,
    );
    expect(quote.offeringType).toBe("mansion_1g");
    expect(quote.lines.map((line) => line.item.id)).toEqual([
      "MANSION",
      "ROUTER",
      "INST-MANSION",
      "ACT",
    ]);
    // Monthly 3,800 + 773 = 4,573; tax rounded once: ⌊457.3⌋ = 457 (per line it would be 380 + 77 = 457 too).
    expect(quote.totals.monthly).toEqual({
      taxExcluded: { amount: 4_573, currency: "JPY" },
      tax: { amount: 457, currency: "JPY" },
      taxIncluded: { amount: 5_030, currency: "JPY" },
    });
    expect(quote.totals.oneTime.taxIncluded).toEqual({ amount: 19_800, currency: "JPY" });
  });

  it("rounds the tax once per total, not per line", () => {
    const quote = quoteOrder(simRequest({ simType: "physical" }), sim);
    // One-time: 394 + 3,300 = 3,694 → tax ⌊369.4⌋ = 369 (per line: 39 + 330 = 369).
    expect(quote.totals.oneTime.tax.amount).toBe(369);
    const twoOddLines = quoteOrder(simRequest({ voiceOptionIds: ["CALL10"], addOnIds: [] }), sim);
    // Monthly 1,480 + 850 = 2,330 → 233.
    expect(twoOddLines.totals.monthly.taxIncluded.amount).toBe(2_563);
  });

  it("adds the issue fee of the chosen SIM type", () => {
    const quote = quoteOrder(simRequest({ simType: "esim", eid: "8".repeat(32) }), sim);
    expect(quote.lines.map((line) => line.item.id)).toEqual(["VOICE5", "ESIM-FEE", "SIM-ACT"]);
  });

  it("names the field of an item that is not offered", () => {
    const attempt = () => quoteOrder(simRequest({ addOnIds: ["SAFETY", "GONE"] }), sim);
    expect(attempt).toThrow(OrderQuoteError);
    expect(attempt).toThrow(
      expect.objectContaining({ reason: "unavailable", field: "addOnIds.1" }),
    );
    expect(() => quoteOrder(simRequest({ planId: "GONE" }), sim)).toThrow(
      expect.objectContaining({ reason: "unavailable", field: "planId" }),
    );
  });

  it("refuses voice options and MNP on a data-only plan", () => {
    expect(() =>
      quoteOrder(simRequest({ planId: "DATA3", voiceOptionIds: ["CALL10"] }), sim),
    ).toThrow(expect.objectContaining({ reason: "invalid", field: "voiceOptionIds" }));
    expect(() => quoteOrder(simRequest({ planId: "DATA3", mnp }), sim)).toThrow(
      expect.objectContaining({ reason: "invalid", field: "mnp" }),
    );
    expect(quoteOrder(simRequest({ mnp }), sim).lines).toHaveLength(3);
  });

  it("does not offer a voice-only option to a data plan", () => {
    expect(() => quoteOrder(simRequest({ planId: "DATA3", addOnIds: ["CALL10"] }), sim)).toThrow(
      expect.objectContaining({ reason: "unavailable", field: "addOnIds.0" }),
    );
  });

  it("prices a VPN plan with its activation fee", () => {
    const quote = quoteOrder({ category: "vpn", planId: "VPN", addOnIds: [] }, vpn);
    expect(quote.totals.monthly.taxIncluded.amount).toBe(2_750);
    expect(quote.totals.oneTime.taxIncluded.amount).toBe(3_300);
  });

  it("refuses a catalog of another category", () => {
    expect(() => quoteOrder({ category: "vpn", planId: "VPN", addOnIds: [] }, sim)).toThrow(Error);
  });
});

describe("placeOrderRequestSchema", () => {
  const id = "01u5g00000AbCdEFGH";
  const zero = { amount: 0, currency: "JPY" };
  const total = { taxExcluded: zero, tax: zero, taxIncluded: zero };
  const expectedTotals = { oneTime: total, monthly: total };
  it("needs an EID for an eSIM and none for a physical SIM", () => {
    const esim = placeOrderRequestSchema.safeParse({
      category: "sim",
      planId: id,
      simType: "esim",
      expectedTotals,
    });
    expect(esim.success).toBe(false);
    expect(esim.error?.issues[0]?.path).toEqual(["eid"]);
    const physical = placeOrderRequestSchema.safeParse({
      category: "sim",
      planId: id,
      simType: "physical",
      eid: "8".repeat(32),
      expectedTotals,
    });
    expect(physical.error?.issues[0]?.path).toEqual(["eid"]);
    expect(
      placeOrderRequestSchema.parse({
        category: "sim",
        planId: id,
        simType: "esim",
        eid: "8".repeat(32),
        expectedTotals,
      }),
    ).toMatchObject({ voiceOptionIds: [], addOnIds: [], mnp: null });
  });

  it("refuses the same option twice and the same installation date twice", () => {
    expect(
      placeOrderRequestSchema.safeParse({
        category: "vpn",
        planId: id,
        addOnIds: [id, id],
        expectedTotals,
      }).success,
    ).toBe(false);
    const sameDates = placeOrderRequestSchema.safeParse({
      category: "internet",
      planId: id,
      expectedTotals,
      installation: { firstChoice: "2026-12-20", secondChoice: "2026-12-20", timeSlot: "morning" },
    });
    expect(sameDates.error?.issues[0]?.path).toEqual(["installation", "secondChoice"]);
  });
});

describe("installationDateWindow", () => {
  it("counts from today in Japan", () => {
    // 2026-12-01 15:30 UTC is already 2 December in Japan.
    expect(installationDateWindow(new Date("2026-12-01T15:30:00Z"))).toEqual({
      earliest: "2026-12-16",
      latest: "2027-03-02",
    });
    expect(installationDateWindow(new Date("2026-12-01T14:59:59Z")).earliest).toBe("2026-12-15");
  });
});
