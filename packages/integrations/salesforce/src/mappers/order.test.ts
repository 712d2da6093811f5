import { describe, expect, it } from "vitest";
import { rawOrderSchema } from "../raw/order.js";
import { toActivationStatus, toOrderDetail, toOrderStatus, toRawOrderAddress } from "./order.js";

/** An Order row with its sub-queries, shaped like the REST API's relationship-query answers. */
function orderRow(overrides: Record<string, unknown> = {}) {
  const nulls = Object.fromEntries(
    [
      "Type",
      "Activation_Error_Code__c",
      "Activation_Error_Message__c",
      "WHMCS_Order_ID__c",
      "ShippingStreet",
      "ShippingCity",
      "ShippingState",
      "ShippingPostalCode",
      "ShippingCountry",
      "SIM_Type__c",
      "EID__c",
      "MNP_Reservation_Number__c",
      "MNP_Expiry_Date__c",
      "MNP_Last_Name__c",
      "MNP_First_Name__c",
      "MNP_Last_Name_Kana__c",
      "MNP_First_Name_Kana__c",
      "MNP_Birthdate__c",
      "MNP_Gender__c",
      "Installation_Preference__c",
      "Portal_Request_Id__c",
    ].map((name) => [name, null]),
  );
  return rawOrderSchema.parse({
    attributes: { type: "Order", url: "/services/data/v62.0/sobjects/Order/8015g0000000001AAA" },
    Id: "8015g0000000001AAA",
    AccountId: "0015g0000000001AAA",
    OrderNumber: "00000100",
    Status: "Approved",
    EffectiveDate: "2026-04-01",
    CreatedDate: "2026-03-31T03:00:00.000+0000",
    LastModifiedDate: "2026-03-31T05:00:00.000+0000",
    Activation_Status__c: "Failed",
    BillingStreet: "渋谷2-21-1\nヒカリエ 8F",
    BillingCity: "渋谷区",
    BillingState: "東京都",
    BillingPostalCode: "150-0002",
    BillingCountry: "JP",
    ...nulls,
    Type: "SIM",
    Activation_Error_Code__c: "WHMCS_ADD_ORDER",
    Activation_Error_Message__c: "Invalid Payment Method",
    OrderItems: {
      totalSize: 1,
      done: true,
      records: [
        {
          attributes: {
            type: "OrderItem",
            url: "/services/data/v62.0/sobjects/OrderItem/8025g0000000001AAA",
          },
          Id: "8025g0000000001AAA",
          OrderId: "8015g0000000001AAA",
          Product2Id: "01t5g0000000001AAA",
          PricebookEntryId: "01u5g0000000001AAA",
          Quantity: 2,
          UnitPrice: 1100,
          TotalPrice: 2200,
          WHMCS_Service_ID__c: null,
          Product2: {
            attributes: {
              type: "Product2",
              url: "/services/data/v62.0/sobjects/Product2/01t5g0000000001AAA",
            },
            Name: "音声SIM 5GB",
            Name_En__c: "Voice 5GB",
            Item_Class__c: "Service",
            Billing_Cycle__c: "Monthly",
          },
        },
        {
          attributes: {
            type: "OrderItem",
            url: "/services/data/v62.0/sobjects/OrderItem/8025g0000000002AAA",
          },
          Id: "8025g0000000002AAA",
          OrderId: "8015g0000000001AAA",
          Product2Id: "01t5g0000000002AAA",
          PricebookEntryId: "01u5g0000000002AAA",
          Quantity: 1,
          UnitPrice: 3300,
          TotalPrice: 3300,
          WHMCS_Service_ID__c: null,
          Product2: {
            attributes: {
              type: "Product2",
              url: "/services/data/v62.0/sobjects/Product2/01t5g0000000002AAA",
            },
            Name: "SIM初期費用",
            Name_En__c: "",
            Item_Class__c: "Activation",
            Billing_Cycle__c: "Onetime",
          },
        },
      ],
    },
    Histories: {
      totalSize: 3,
      done: true,
      records: [
        {
          attributes: { type: "OrderHistory", url: "" },
          Id: "0Oh1",
          OrderId: "8015g0000000001AAA",
          Field: "Activation_Status__c",
          OldValue: "Activating",
          NewValue: "Failed",
          CreatedDate: "2026-03-31T05:00:00.000+0000",
        },
        {
          attributes: { type: "OrderHistory", url: "" },
          Id: "0Oh2",
          OrderId: "8015g0000000001AAA",
          Field: "created",
          OldValue: null,
          NewValue: null,
          CreatedDate: "2026-03-31T03:00:00.000+0000",
        },
        {
          attributes: { type: "OrderHistory", url: "" },
          Id: "0Oh3",
          OrderId: "8015g0000000001AAA",
          Field: "Status",
          OldValue: "Pending Review",
          NewValue: "Approved",
          CreatedDate: "2026-03-31T04:00:00.000+0000",
        },
        {
          attributes: { type: "OrderHistory", url: "" },
          Id: "0Oh4",
          OrderId: "8015g0000000001AAA",
          Field: "Type",
          OldValue: null,
          NewValue: "SIM",
          CreatedDate: "2026-03-31T04:30:00.000+0000",
        },
      ],
    },
    ...overrides,
  });
}

describe("order mappers", () => {
  it("maps statuses to plain terms, unknown values to the states staff still handle", () => {
    expect(toOrderStatus("Pending Review")).toBe("pending_review");
    expect(toOrderStatus("On Hold")).toBe("pending_review");
    expect(toActivationStatus(null)).toBe("not_started");
    expect(toActivationStatus("Activating")).toBe("activating");
  });

  it("writes an address with the building on the street's second line", () => {
    expect(
      toRawOrderAddress("Shipping", {
        postcode: "150-0002",
        prefecture: "Tokyo",
        city: "渋谷区",
        street: "渋谷2-21-1",
        building: "",
        country: "JP",
      }),
    ).toEqual({
      ShippingPostalCode: "150-0002",
      ShippingState: "Tokyo",
      ShippingCity: "渋谷区",
      ShippingStreet: "渋谷2-21-1",
      ShippingCountry: "JP",
    });
  });

  it("reads an order with items in yen, the address snapshot, the activation error and the timeline oldest first", () => {
    const detail = toOrderDetail(orderRow());
    expect(detail).toMatchObject({
      number: "00000100",
      status: "approved",
      activationStatus: "failed",
      placedAt: "2026-03-31T03:00:00.000Z",
      category: "sim",
      title: { ja: "音声SIM 5GB", en: "Voice 5GB" },
      // Monthly 2,200 → tax 220; one-time 3,300 → 330: once per total.
      totals: {
        monthly: {
          taxExcluded: { amount: 2200, currency: "JPY" },
          tax: { amount: 220, currency: "JPY" },
          taxIncluded: { amount: 2420, currency: "JPY" },
        },
        oneTime: {
          taxExcluded: { amount: 3300, currency: "JPY" },
          tax: { amount: 330, currency: "JPY" },
          taxIncluded: { amount: 3630, currency: "JPY" },
        },
      },
      billingAddress: { street: "渋谷2-21-1", building: "ヒカリエ 8F", postcode: "150-0002" },
      shippingAddress: null,
      sim: null,
      activationError: { code: "WHMCS_ADD_ORDER", message: "Invalid Payment Method" },
    });
    expect(detail.items[0]).toMatchObject({
      name: { ja: "音声SIM 5GB", en: "Voice 5GB" },
      itemClass: "service",
      billingCycle: "monthly",
      quantity: 2,
      unitPrice: { amount: 1100, currency: "JPY" },
      totalPrice: { amount: 2200, currency: "JPY" },
    });
    // An empty English name falls back to the Japanese one (decision 0064).
    expect(detail.items[1]?.name).toEqual({ ja: "SIM初期費用", en: "SIM初期費用" });
    expect(detail.timeline).toEqual([
      { change: "created", at: "2026-03-31T03:00:00.000Z" },
      { change: "status", at: "2026-03-31T04:00:00.000Z", from: "pending_review", to: "approved" },
      {
        change: "activation_status",
        at: "2026-03-31T05:00:00.000Z",
        from: "activating",
        to: "failed",
      },
    ]);
  });

  it("reads an order without sub-query rows as having no items and no timeline", () => {
    const detail = toOrderDetail(orderRow({ OrderItems: null, Histories: null }));
    expect(detail.items).toEqual([]);
    expect(detail.title).toBeNull();
    expect(detail.totals.monthly.taxIncluded).toEqual({ amount: 0, currency: "JPY" });
    expect(detail.timeline).toEqual([]);
  });

  it("reads a line without a product, or with unknown picklist values, as a nameless one-time line", () => {
    const row = orderRow({ Type: "Broadband" });
    const [first] = row.OrderItems;
    const detail = toOrderDetail({
      ...row,
      OrderItems: [
        { ...first!, Product2: null },
        {
          ...first!,
          Id: "8025g0000000003AAA",
          Product2: { ...first!.Product2!, Item_Class__c: "Bundle", Billing_Cycle__c: null },
        },
      ],
    });
    expect(detail.category).toBeNull();
    expect(detail.items.map((item) => [item.name, item.itemClass, item.billingCycle])).toEqual([
      [{ ja: "", en: "" }, null, "one_time"],
      [{ ja: "音声SIM 5GB", en: "Voice 5GB" }, null, "one_time"],
    ]);
  });

  it("reads the installation preference written in its canonical text, null for anything else", () => {
    const preference = (value: string | null) =>
      toOrderDetail(orderRow({ Installation_Preference__c: value })).installationPreference;
    expect(preference("2026-12-20 morning / 2026-12-22")).toEqual({
      firstChoice: "2026-12-20",
      secondChoice: "2026-12-22",
      timeSlot: "morning",
    });
    expect(preference("2026-12-20 any")).toEqual({
      firstChoice: "2026-12-20",
      secondChoice: null,
      timeSlot: "any",
    });
    for (const unreadable of [
      null,
      "Customer prefers weekends",
      "2026-12-20 evening",
      "2026-02-30 morning",
      "2026-12-20 morning / 2026-12-20",
    ]) {
      expect(preference(unreadable)).toBeNull();
    }
  });

  it("keeps MNP details only when all of them are there", () => {
    const mnp = {
      SIM_Type__c: "eSIM",
      EID__c: "89049032000001000000000000000001",
      MNP_Reservation_Number__c: "1234567890",
      MNP_Expiry_Date__c: "2026-04-10",
      MNP_Last_Name__c: "山田",
      MNP_First_Name__c: "太郎",
      MNP_Last_Name_Kana__c: "ヤマダ",
      MNP_First_Name_Kana__c: "タロウ",
      MNP_Birthdate__c: "1985-06-15",
      MNP_Gender__c: "Female",
    };
    expect(toOrderDetail(orderRow(mnp)).sim?.mnp?.gender).toBe("female");
    expect(toOrderDetail(orderRow({ ...mnp, MNP_Birthdate__c: null })).sim).toEqual({
      simType: "esim",
      eid: "89049032000001000000000000000001",
      mnp: null,
    });
  });
});
