import { describe, expect, it } from "vitest";
import { rawFulfilmentOrderSchema } from "../raw/order.js";
import { toFulfilmentOrder } from "./fulfilment-order.js";

/** An OrderItem row with its product, as a relationship query answers it. */
function item(id: string, product: Record<string, unknown> | null, extra = {}) {
  return {
    attributes: { type: "OrderItem", url: `/services/data/v62.0/sobjects/OrderItem/${id}` },
    Id: id,
    OrderId: "8015g0000000001AAA",
    Product2Id: product ? "01t5g0000000001AAA" : null,
    PricebookEntryId: "01u5g0000000001AAA",
    Quantity: 1,
    UnitPrice: 860,
    TotalPrice: 860,
    WHMCS_Service_ID__c: null,
    Product2: product && {
      attributes: { type: "Product2", url: "/services/data/v62.0/sobjects/Product2/01t" },
      Name: "音声SIM 5GB",
      Name_En__c: "SIM Data+Voice 5GB",
      Item_Class__c: "Service",
      Portal_Category__c: "SIM",
      WH_Product_ID__c: "202",
      SIM_Plan_Type__c: "Data+Voice",
      SIM_Data_Size__c: 5,
      ...product,
    },
    ...extra,
  };
}

/** An Order row with its items, shaped like the REST API's relationship-query answer. */
function orderRow(overrides: Record<string, unknown> = {}, items: unknown[] = []) {
  const nulls = Object.fromEntries(
    [
      "Type",
      "Activation_Error_Code__c",
      "Activation_Error_Message__c",
      "BillingStreet",
      "BillingCity",
      "BillingState",
      "BillingPostalCode",
      "BillingCountry",
      "ShippingStreet",
      "ShippingCity",
      "ShippingState",
      "ShippingPostalCode",
      "ShippingCountry",
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
  return rawFulfilmentOrderSchema.parse({
    attributes: { type: "Order", url: "/services/data/v62.0/sobjects/Order/8015g0000000001AAA" },
    Id: "8015g0000000001AAA",
    AccountId: "0015g0000000001AAA",
    OrderNumber: "00000100",
    Status: "Approved",
    EffectiveDate: "2026-04-01",
    CreatedDate: "2026-03-31T03:00:00.000+0000",
    LastModifiedDate: "2026-03-31T05:00:00.000+0000",
    Activation_Status__c: "Activating",
    WHMCS_Order_ID__c: "55",
    SIM_Type__c: "Physical",
    ...nulls,
    ...overrides,
    OrderItems: { totalSize: items.length, done: true, records: items },
  });
}

describe("toFulfilmentOrder", () => {
  it("reads the Order, its WHMCS order, SIM details and each line's WHMCS product and SIM plan", () => {
    const raw = orderRow({}, [
      item("8025g0000000001AAA", {}, { WHMCS_Service_ID__c: "91" }),
      item("8025g0000000002AAA", {
        Name: "SIM初期費用",
        Name_En__c: null,
        Item_Class__c: "Activation",
        WH_Product_ID__c: null,
        SIM_Plan_Type__c: null,
        SIM_Data_Size__c: null,
      }),
    ]);

    expect(toFulfilmentOrder(raw)).toEqual({
      id: "8015g0000000001AAA",
      number: "00000100",
      accountId: "0015g0000000001AAA",
      status: "approved",
      activationStatus: "activating",
      whmcsOrderId: 55,
      sim: { simType: "physical", eid: null, mnp: null },
      items: [
        {
          id: "8025g0000000001AAA",
          productId: "01t5g0000000001AAA",
          name: { ja: "音声SIM 5GB", en: "SIM Data+Voice 5GB" },
          category: "sim",
          itemClass: "service",
          quantity: 1,
          whmcsProductId: 202,
          whmcsServiceId: 91,
          simPlan: { planType: "voice", dataSizeGb: 5 },
        },
        {
          id: "8025g0000000002AAA",
          productId: "01t5g0000000001AAA",
          name: { ja: "SIM初期費用", en: "SIM初期費用" },
          category: "sim",
          itemClass: "activation",
          quantity: 1,
          whmcsProductId: null,
          whmcsServiceId: null,
          simPlan: null,
        },
      ],
    });
  });

  it("reads ids that are not positive whole numbers as none, and a line without a product", () => {
    const raw = orderRow({ WHMCS_Order_ID__c: "n/a", SIM_Type__c: null }, [
      item(
        "8025g0000000001AAA",
        { WH_Product_ID__c: "0", SIM_Data_Size__c: 2.5 },
        {
          WHMCS_Service_ID__c: " ",
        },
      ),
      item("8025g0000000003AAA", null),
    ]);

    const order = toFulfilmentOrder(raw);

    expect(order).toMatchObject({ whmcsOrderId: null, sim: null });
    expect(order.items[0]).toMatchObject({
      whmcsProductId: null,
      whmcsServiceId: null,
      simPlan: null,
    });
    expect(order.items[1]).toMatchObject({
      productId: null,
      category: null,
      itemClass: null,
      whmcsProductId: null,
      simPlan: null,
    });
  });
});
