import {
  catalogPrice,
  type CatalogItem,
  groupVpnCatalog,
  type OrderChoice,
  type OrderDetail,
  type PlaceOrderRequest,
  quoteOrder,
} from "@portal/domain";
import { SalesforceError } from "@portal/salesforce";
import { describe, expect, it } from "vitest";
import { AppError } from "../http/app-error.js";
import { CheckoutService, orderRequestId } from "./checkout.service.js";

const ACCOUNT = "001DEMO00000001YDA";

function item(id: string, itemClass: CatalogItem["itemClass"], yen: number): CatalogItem {
  return {
    id,
    productId: `01t${id}`,
    sku: id,
    name: { ja: id, en: id },
    description: null,
    category: "vpn",
    itemClass,
    price: catalogPrice(yen, itemClass === "service" ? "monthly" : "one_time"),
    billingProductId: null,
    displayOrder: 0,
    offeringType: null,
    planTier: null,
    dataSizeGb: null,
    simPlanType: null,
    simType: null,
  };
}

const CATALOG = groupVpnCatalog([
  item("01uVPN000000001AAA", "service", 2_500),
  item("01uACT000000001AAA", "activation", 3_000),
]);
const CHOICE: OrderChoice = { category: "vpn", planId: "01uVPN000000001AAA", addOnIds: [] };
const REQUEST = {
  ...CHOICE,
  expectedTotals: quoteOrder(CHOICE, CATALOG).totals,
} as PlaceOrderRequest;

const ORDER = {
  id: "801DEMO00000001AAA",
  number: "00001001",
  category: "vpn",
  items: [],
  totals: REQUEST.expectedTotals,
} as unknown as OrderDetail;

interface Options {
  /** An Order already made for the request. */
  existing?: boolean;
  noPaymentMethod?: boolean;
  /** How the composite create fails. */
  createFails?: "duplicate" | "unavailable";
}

/** The service over fakes of every collaborator; `calls` records what reached them, in order. */
function setUp(options: Options = {}) {
  const calls: string[] = [];
  let created = false;
  const found = () => (options.existing || created ? { accountId: ACCOUNT, order: ORDER } : null);
  const service = new CheckoutService(
    {
      byUserId: async () => ({
        user: { id: "u", email: "taro@example.jp", locale: "en" },
        mapping: { sfAccountId: ACCOUNT, whmcsClientId: 1 },
      }),
    } as never,
    {
      liveForCheckout: async () => {
        calls.push("catalog");
        return { pricebookId: "01sPORTAL00000001AA", catalog: CATALOG };
      },
    } as never,
    {
      assertEligibleFor: async () => {
        calls.push("eligibility");
        return null;
      },
    } as never,
    {
      requireUsable: async () => {
        calls.push("payment");
        if (options.noPaymentMethod) throw new AppError("PAYMENT_METHOD_REQUIRED", "none");
      },
    } as never,
    {
      of: async () => ({
        firstName: "Taro",
        lastName: "Yamada",
        address: {
          postcode: "150-0002",
          prefecture: "Tokyo",
          city: "渋谷区",
          street: "渋谷2-21-1",
          building: "",
          country: "JP",
        },
      }),
    } as never,
    {
      orders: {
        findByRequestId: async () => {
          calls.push("lookup");
          return found();
        },
        create: async (order: { requestId: string; lines: unknown[] }) => {
          calls.push(`create ${order.lines.length} lines`);
          if (options.createFails === "duplicate") {
            created = true;
            throw new SalesforceError("rejected", "createOrder", { vendorCode: "DUPLICATE_VALUE" });
          }
          if (options.createFails === "unavailable") {
            throw new SalesforceError("unavailable", "createOrder");
          }
          created = true;
          return { orderId: ORDER.id, itemIds: [] };
        },
        get: async () => found(),
      },
    } as never,
    { invalidateTag: async () => calls.push("invalidate") } as never,
    { publish: async (name: string) => calls.push(`publish ${name}`) } as never,
    {
      send: async (
        template: string,
        _to: string,
        locale: string,
        _data: unknown,
        sendOptions: { dedupeKey: string },
      ) => calls.push(`mail ${template} ${locale} ${sendOptions.dedupeKey}`),
    } as never,
  );
  return { service, calls };
}

const confirmed = [
  "invalidate",
  "publish OrderChanged",
  "mail order-confirmation en order-confirmation:801DEMO00000001AAA",
];

describe("CheckoutService.place", () => {
  it("checks, then creates once and confirms: cache dropped, event published, mail in the customer's language", async () => {
    const { service, calls } = setUp();

    expect(await service.place("u", REQUEST, "key-1")).toBe(ORDER);
    expect(calls).toEqual(["lookup", "catalog", "payment", "create 2 lines", ...confirmed]);
  });

  it("answers the Order already made for the same request without creating another", async () => {
    const { service, calls } = setUp({ existing: true });

    expect(await service.place("u", REQUEST, "key-1")).toBe(ORDER);
    expect(calls).toEqual(["lookup", ...confirmed]);
  });

  it("answers the Order another attempt made when Salesforce refuses the request id as a duplicate", async () => {
    const { service, calls } = setUp({ createFails: "duplicate" });

    expect(await service.place("u", REQUEST, "key-1")).toBe(ORDER);
    expect(calls).toEqual([
      "lookup",
      "catalog",
      "payment",
      "create 2 lines",
      "lookup",
      ...confirmed,
    ]);
  });

  it("passes an unknown outcome on and confirms nothing", async () => {
    const { service, calls } = setUp({ createFails: "unavailable" });

    await expect(service.place("u", REQUEST, "key-1")).rejects.toMatchObject({
      kind: "unavailable",
    });
    expect(calls).toEqual(["lookup", "catalog", "payment", "create 2 lines"]);
  });

  it("creates nothing when a check refuses: changed totals, no payment method, no key", async () => {
    const changed = setUp();
    const cheaper = structuredClone(REQUEST);
    cheaper.expectedTotals.monthly.taxIncluded.amount -= 1;
    await expect(changed.service.place("u", cheaper, "key-1")).rejects.toMatchObject({
      code: "PRODUCT_UNAVAILABLE",
      fields: { expectedTotals: expect.any(String) },
    });
    // The cached catalog the customer chose from was stale: dropped, so the reload shows the new total.
    expect(changed.calls).toEqual(["lookup", "catalog", "publish CatalogChanged"]);

    const unpaid = setUp({ noPaymentMethod: true });
    await expect(unpaid.service.place("u", REQUEST, "key-1")).rejects.toMatchObject({
      code: "PAYMENT_METHOD_REQUIRED",
    });
    expect(unpaid.calls).toEqual(["lookup", "catalog", "payment"]);

    const keyless = setUp();
    await expect(keyless.service.place("u", REQUEST, undefined)).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      fields: { "Idempotency-Key": expect.any(String) },
    });
    expect(keyless.calls).toEqual([]);
  });

  it("refuses installation dates outside the window after the look-up for an earlier Order, before anything else", async () => {
    const { service, calls } = setUp();
    const request = {
      category: "internet",
      planId: "01uHOME00000001AAA",
      addOnIds: [],
      installation: { firstChoice: "2020-01-01", secondChoice: null, timeSlot: "any" },
      expectedTotals: REQUEST.expectedTotals,
    } as PlaceOrderRequest;

    await expect(service.place("u", request, "key-1")).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      fields: { "installation.firstChoice": expect.any(String) },
    });
    expect(calls).toEqual(["lookup"]);
  });
});

describe("orderRequestId", () => {
  it("is the same for the same user and key, and differs across users", () => {
    expect(orderRequestId("u1", "k")).toBe(orderRequestId("u1", "k"));
    expect(orderRequestId("u1", "k")).not.toBe(orderRequestId("u2", "k"));
    expect(orderRequestId("u1", "k")).toMatch(/^[0-9a-f]{64}$/);
  });
});
