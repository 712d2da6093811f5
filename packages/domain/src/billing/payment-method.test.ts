import { describe, expect, it } from "vitest";
import { isCardExpired, isUsablePaymentMethod, type PaymentMethod } from "./payment-method.js";

describe("isCardExpired", () => {
  it.each([
    ["02/25", "2025-02-28", false],
    ["02/25", "2025-03-01", true],
    ["12/24", "2025-01-01", true],
    ["01/30", "2026-12-01", false],
    ["", "2026-12-01", false],
    ["13-30", "2026-12-01", false],
  ])("%s on %s → %s", (expiry, today, expired) => {
    expect(isCardExpired(expiry, today)).toBe(expired);
  });
});

describe("isUsablePaymentMethod", () => {
  const card: PaymentMethod = {
    id: 1,
    type: "remote_card",
    description: "Visa •••• 4242",
    cardBrand: "Visa",
    cardLastFour: "4242",
    expiry: "02/25",
    expired: false,
    bankName: null,
    isDefault: true,
  };

  it("accepts a card that has not expired and a bank account, refuses an expired card", () => {
    expect(isUsablePaymentMethod(card)).toBe(true);
    expect(isUsablePaymentMethod({ ...card, expired: true })).toBe(false);
    expect(
      isUsablePaymentMethod({
        ...card,
        type: "bank_account",
        cardBrand: null,
        cardLastFour: null,
        expiry: null,
        bankName: "みずほ銀行",
      }),
    ).toBe(true);
  });
});
