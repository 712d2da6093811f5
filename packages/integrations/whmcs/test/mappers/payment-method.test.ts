import { describe, expect, it } from "vitest";
import {
  toPaymentChannel,
  toPaymentGateways,
  toPaymentMethods,
} from "../../src/mappers/payment-method.js";
import { getPaymentMethodsResponseSchema } from "../../src/raw/payment-gateways.js";
import { getPayMethodsResponseSchema } from "../../src/raw/pay-methods.js";
import { fixture } from "../fixtures/fixture.js";

describe("toPaymentMethods", () => {
  it("maps the reference's four pay method types, the first being the default", () => {
    const raw = getPayMethodsResponseSchema.parse(fixture("getpaymethods"));
    expect(toPaymentMethods(raw.paymethods, "2023-01-15")).toEqual([
      {
        id: 1,
        type: "remote_card",
        description: "Default Card",
        cardBrand: "Visa",
        cardLastFour: "4242",
        expiry: "02/25",
        expired: false,
        bankName: null,
        isDefault: true,
      },
      {
        id: 2,
        type: "card",
        description: "A Second Card Stored Locally",
        cardBrand: "Visa",
        cardLastFour: "4242",
        expiry: "11/22",
        expired: true,
        bankName: null,
        isDefault: false,
      },
      {
        id: 3,
        type: "bank_account",
        description: "A Bank Account",
        cardBrand: null,
        cardLastFour: null,
        expiry: null,
        expired: false,
        bankName: "Bank of America",
        isDefault: false,
      },
      {
        id: 4,
        type: "remote_bank_account",
        description: "A Remote Bank Account",
        cardBrand: null,
        cardLastFour: null,
        expiry: null,
        expired: false,
        bankName: null,
        isDefault: false,
      },
    ]);
  });

  it("describes a pay method saved without a description", () => {
    const raw = getPayMethodsResponseSchema.parse({
      clientid: 1,
      paymethods: [
        {
          id: 5,
          type: "RemoteCreditCard",
          description: "",
          card_type: "Visa",
          card_last_four: "4242",
          expiry_date: "",
        },
        { id: 6, type: "BankAccount", description: "", bank_name: "Japan Post Bank" },
      ],
    });
    const [card, bank] = toPaymentMethods(raw.paymethods, "2026-12-01");
    expect(card).toMatchObject({ description: "Visa •••• 4242", expiry: null });
    expect(bank).toMatchObject({ description: "Japan Post Bank", cardBrand: null });
  });

  it("maps no pay methods to an empty list", () => {
    expect(toPaymentMethods([], "2026-12-01")).toEqual([]);
  });

  it("marks a card expired from the month after its expiry month", () => {
    const raw = getPayMethodsResponseSchema.parse(fixture("getpaymethods"));
    const onLastDay = toPaymentMethods(raw.paymethods, "2025-02-28");
    const nextMonth = toPaymentMethods(raw.paymethods, "2025-03-01");
    expect(onLastDay[0]?.expired).toBe(false);
    expect(nextMonth[0]?.expired).toBe(true);
  });
});

describe("toPaymentGateways", () => {
  it("maps the reference's example gateways in WHMCS order", () => {
    const raw = getPaymentMethodsResponseSchema.parse(fixture("getpaymentmethods"));
    expect(raw.totalresults).toBe(2);
    expect(toPaymentGateways(raw.paymentmethods)).toEqual([
      { module: "paypal", displayName: "PayPal" },
      { module: "authorize", displayName: "Credit Card" },
    ]);
  });

  it.each([[""], [[]], [null]])("reads %j as no gateways", (paymentmethods) => {
    const raw = getPaymentMethodsResponseSchema.parse({ totalresults: "0", paymentmethods });
    expect(toPaymentGateways(raw.paymentmethods)).toEqual([]);
  });
});

describe("toPaymentChannel", () => {
  it.each([
    ["stripe", "card"],
    ["banktransfer", "bank_transfer"],
    ["BankTransfer", "bank_transfer"],
    ["paypal", "paypal"],
    ["gocardless", "direct_debit"],
    ["komoju", "convenience_store"],
  ] as const)("names gateway module %s as %s", (module, channel) => {
    expect(toPaymentChannel(module)).toBe(channel);
  });

  it.each(["mailin", "", "constructor", "__proto__"])(
    "calls unknown module %j other, never echoing the id",
    (module) => {
      expect(toPaymentChannel(module)).toBe("other");
    },
  );
});
