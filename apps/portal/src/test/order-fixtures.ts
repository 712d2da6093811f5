import {
  type CatalogItem,
  catalogPrice,
  groupSimCatalog,
  type OrderDetail,
  type OrderSummary,
  type PaymentMethodsOverview,
} from "@portal/domain";

const yen = (amount: number) => ({ amount, currency: "JPY" });

/** A 15-character Salesforce-like PricebookEntry id for test item `n`. */
export function entryId(n: number): string {
  return `01uTEST${String(n).padStart(8, "0")}`;
}

/**
 * A SIM catalog item with the given class and fields, priced `yen` tax excluded; `name` is its
 * SKU and, unless `fields` names it in both languages, its name in both.
 */
export function simItem(
  n: number,
  name: string,
  fields: Pick<CatalogItem, "itemClass"> & Partial<CatalogItem>,
  taxExcludedYen: number,
): CatalogItem {
  return {
    id: entryId(n),
    productId: `01tTEST${String(n).padStart(8, "0")}`,
    sku: name,
    name: { ja: name, en: name },
    description: null,
    category: "sim",
    price: catalogPrice(
      taxExcludedYen,
      fields.itemClass === "service" || fields.itemClass === "add_on" ? "monthly" : "one_time",
    ),
    billingProductId: null,
    displayOrder: n,
    offeringType: null,
    planTier: null,
    dataSizeGb: null,
    simPlanType: null,
    simType: null,
    ...fields,
  };
}

/**
 * A small SIM catalog: voice 5 GB (¥860) and data 5 GB (¥760) plans, a ¥3,000 contract fee, SIM
 * card (¥394) and eSIM (¥200) issue fees, a ¥500 call option and a ¥300 add-on for every plan.
 */
export const simCatalog = groupSimCatalog([
  simItem(1, "Voice 5GB", { itemClass: "service", simPlanType: "voice", dataSizeGb: 5 }, 860),
  simItem(2, "Data 5GB", { itemClass: "service", simPlanType: "data", dataSizeGb: 5 }, 760),
  simItem(3, "Contract fee", { itemClass: "activation" }, 3_000),
  simItem(4, "SIM card", { itemClass: "activation", simType: "physical" }, 394),
  simItem(5, "eSIM profile", { itemClass: "activation", simType: "esim" }, 200),
  simItem(
    6,
    "5-minute calls",
    {
      itemClass: "add_on",
      simPlanType: "voice",
      name: { ja: "5分かけ放題", en: "5-minute calls" },
    },
    500,
  ),
  simItem(7, "Data top-up", { itemClass: "add_on" }, 300),
]);

/** Payment methods: none saved, or one Visa card. */
export function paymentMethods(hasCard: boolean): PaymentMethodsOverview {
  return {
    methods: hasCard
      ? [
          {
            id: 1,
            type: "card",
            description: "Visa ending 4242",
            cardBrand: "Visa",
            cardLastFour: "4242",
            expiry: "12/30",
            expired: false,
            bankName: null,
            isDefault: true,
          },
        ]
      : [],
    gateways: [],
  };
}

/** A SIM order pending review, placed 2 Dec 2026 10:00 Tokyo. */
export function orderSummary(overrides: Partial<OrderSummary> = {}): OrderSummary {
  return {
    id: "801TEST00000001",
    number: "00000101",
    status: "pending_review",
    activationStatus: "not_started",
    category: "sim",
    title: { ja: "音声SIM 5GB", en: "Voice 5GB" },
    totals: {
      oneTime: { taxExcluded: yen(3_200), tax: yen(320), taxIncluded: yen(3_520) },
      monthly: { taxExcluded: yen(860), tax: yen(86), taxIncluded: yen(946) },
    },
    effectiveOn: "2026-12-02",
    placedAt: "2026-12-02T01:00:00.000Z",
    ...overrides,
  };
}

/** The detail of {@link orderSummary}: an eSIM with MNP, its lines and a one-step timeline. */
export function orderDetail(overrides: Partial<OrderDetail> = {}): OrderDetail {
  return {
    ...orderSummary(),
    items: [
      {
        id: "802TEST00000001",
        productId: null,
        pricebookEntryId: entryId(1),
        name: { ja: "音声SIM 5GB", en: "Voice 5GB" },
        itemClass: "service",
        billingCycle: "monthly",
        quantity: 1,
        unitPrice: yen(860),
        totalPrice: yen(860),
        whmcsServiceId: null,
      },
      {
        id: "802TEST00000002",
        productId: null,
        pricebookEntryId: entryId(3),
        name: { ja: "SIM初期費用", en: "Contract fee" },
        itemClass: "activation",
        billingCycle: "one_time",
        quantity: 1,
        unitPrice: yen(3_000),
        totalPrice: yen(3_000),
        whmcsServiceId: null,
      },
    ],
    billingAddress: null,
    shippingAddress: {
      postcode: "100-0005",
      prefecture: "Tokyo",
      city: "Chiyoda-ku",
      street: "1-9-1 Marunouchi",
      building: "Portal Tower 12F",
    },
    sim: {
      simType: "esim",
      eid: "89049032000001000000012345678901",
      mnp: {
        reservationNumber: "1234567890",
        expiresOn: "2026-12-15",
        lastName: "山田",
        firstName: "太郎",
        lastNameKana: "ヤマダ",
        firstNameKana: "タロウ",
        birthdate: "1990-04-01",
        gender: "male",
      },
    },
    installationPreference: null,
    whmcsOrderId: null,
    activationError: null,
    timeline: [{ change: "created", at: "2026-12-02T01:00:00.000Z" }],
    ...overrides,
  };
}
