// @vitest-environment jsdom
import { screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { accountKeys } from "@/features/account/api/account-keys";
import { DashboardOverview } from "@/features/account/components/dashboard-overview";
import { dashboardSummary } from "@/test/invoice-fixtures";
import { renderInPortal } from "@/test/render-in-portal";

// The profile card loads its own data; these tests are about the payment card.
vi.mock("@/features/account/components/profile-card", () => ({ ProfileCard: () => null }));
// The orders and services cards load their own data too (recent-orders-card.test.tsx,
// services-card.test.tsx).
vi.mock("@/features/orders/components/recent-orders-card", () => ({
  RecentOrdersCard: () => null,
}));
vi.mock("@/features/subscriptions/components/services-card", () => ({
  ServicesCard: () => null,
}));

function renderDashboard(summary: ReturnType<typeof dashboardSummary>, locale: "ja" | "en") {
  return renderInPortal(<DashboardOverview />, {
    locale,
    seed: (client) => client.setQueryData(accountKeys.summary(), summary),
  });
}

describe("DashboardOverview payment card", () => {
  it.each([
    ["en", "Overdue payment", "Next payment"],
    ["ja", "支払期限を過ぎたお支払い", "次回のお支払い"],
  ] as const)(
    "says overdue, not next payment, for a past-due invoice (%s)",
    (locale, overdue, next) => {
      renderDashboard(dashboardSummary(12, "overdue"), locale);
      expect(screen.getByText(overdue)).toBeDefined();
      expect(screen.queryByText(next)).toBeNull();
    },
  );

  it("says next payment for an invoice not yet due", () => {
    renderDashboard(dashboardSummary(13, "unpaid"), "en");
    expect(screen.getByText("Next payment")).toBeDefined();
    expect(screen.queryByText("Overdue payment")).toBeNull();
  });

  it.each([
    ["en", "Pay invoice INV-202611-12"],
    ["ja", "請求書 INV-202611-12 を支払う"],
  ] as const)("has a Pay button for the invoice on the card (%s)", (locale, name) => {
    renderDashboard(dashboardSummary(12, "overdue"), locale);
    expect(screen.getByRole("button", { name })).toBeDefined();
  });
});

describe("DashboardOverview payment method card", () => {
  it.each([
    ["en", "View or change payment methods"],
    ["ja", "お支払い方法を確認・変更"],
  ] as const)("links to the payments page (%s)", (locale, name) => {
    renderDashboard(dashboardSummary(13, "unpaid"), locale);
    expect(screen.getByRole("link", { name }).getAttribute("href")).toBe("/billing/payments");
  });
});
