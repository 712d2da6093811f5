// @vitest-environment jsdom
import { type PaymentMethod, type PaymentMethodsOverview as Overview } from "@portal/domain";
import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { paymentMethodKeys } from "@/features/billing/api/payment-method-keys";
import { PaymentMethodsOverview } from "@/features/billing/components/payment-methods-overview";
import { renderInPortal } from "@/test/render-in-portal";

const CARD: PaymentMethod = {
  id: 1,
  type: "remote_card",
  description: "Visa ending 4242",
  cardBrand: "Visa",
  cardLastFour: "4242",
  expiry: "12/29",
  expired: false,
  bankName: null,
  isDefault: true,
};
const OLD_CARD: PaymentMethod = {
  ...CARD,
  id: 2,
  cardBrand: "MasterCard",
  cardLastFour: "4444",
  description: "MasterCard ending 4444",
  expiry: "01/24",
  expired: true,
  isDefault: false,
};
const BANK: PaymentMethod = {
  ...CARD,
  id: 3,
  type: "bank_account",
  description: "みずほ銀行 渋谷支店 普通 ••••567",
  cardBrand: null,
  cardLastFour: null,
  expiry: null,
  bankName: "みずほ銀行",
  isDefault: false,
};
const GATEWAYS = [
  { module: "stripe", displayName: "Credit Card" },
  { module: "banktransfer", displayName: "Bank Transfer" },
];

function renderOverview(overview: Overview, locale: "en" | "ja" = "en") {
  return renderInPortal(<PaymentMethodsOverview />, {
    locale,
    seed: (client) => client.setQueryData(paymentMethodKeys.overview(), overview),
  });
}

describe("PaymentMethodsOverview", () => {
  it("shows each method: brand and last four, expiry, default badge, expired warning, bank masked", () => {
    renderOverview({ methods: [CARD, OLD_CARD, BANK], gateways: GATEWAYS });

    const items = screen.getAllByRole("listitem").slice(0, 3);
    expect(items[0]?.textContent).toContain("Visa •••• 4242");
    expect(items[0]?.textContent).toContain("Default");
    expect(items[0]?.textContent).toContain("Expires 12/29");
    expect(items[1]?.textContent).toContain("MasterCard •••• 4444");
    expect(items[1]?.textContent).toContain("Expired");
    expect(items[1]?.textContent).toContain("This card has expired");
    expect(items[2]?.textContent).toContain("みずほ銀行");
    expect(items[2]?.textContent).toContain("••••567");
    expect(screen.getByRole("button", { name: "Add or change payment method" })).toBeDefined();
    expect(screen.getByText("Bank Transfer")).toBeDefined();
  });

  it("explains the empty state and offers to add a method, in Japanese", () => {
    renderOverview({ methods: [], gateways: GATEWAYS }, "ja");

    expect(screen.getByRole("heading", { name: "お支払い方法が登録されていません" })).toBeDefined();
    expect(screen.getByRole("button", { name: "お支払い方法を追加" })).toBeDefined();
  });
});
