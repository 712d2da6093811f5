// @vitest-environment jsdom
import { type Subscription } from "@portal/domain";
import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { subscriptionKeys } from "@/features/subscriptions/api/subscription-keys";
import { ServicesCard } from "@/features/subscriptions/components/services-card";
import { renderInPortal } from "@/test/render-in-portal";

function subscription(overrides: Partial<Subscription> = {}): Subscription {
  return {
    id: 1,
    orderNumber: 1,
    name: { ja: "光 ホーム1G スタンダード", en: "Fibre Home 1G Standard" },
    category: "internet",
    status: "active",
    billingCycle: "monthly",
    recurring: {
      taxExcluded: { amount: 4800, currency: "JPY" },
      taxIncluded: { amount: 5280, currency: "JPY" },
    },
    startedOn: "2025-11-01",
    nextDueOn: "2026-12-01",
    ...overrides,
  };
}

function renderCard(items: Subscription[], locale: "ja" | "en") {
  return renderInPortal(<ServicesCard />, {
    locale,
    seed: (client) => client.setQueryData(subscriptionKeys.list(), { items }),
  });
}

describe("ServicesCard", () => {
  it("lists current services with status and monthly amount incl. tax, leaving ended ones out", () => {
    renderCard(
      [
        subscription({ id: 2, name: { ja: "データSIM", en: "Data SIM" }, status: "pending" }),
        subscription(),
        subscription({ id: 3, name: { ja: "旧プラン", en: "Old plan" }, status: "terminated" }),
      ],
      "en",
    );
    const list = screen.getByRole("list", { name: "Your services" });
    const rows = within(list).getAllByRole("listitem");
    expect(rows.map((row) => row.textContent)).toEqual([
      expect.stringContaining("Data SIM"),
      expect.stringContaining("Fibre Home 1G Standard"),
    ]);
    expect(rows[0]?.textContent).toContain("Being set up");
    expect(rows[1]?.textContent).toContain("Active");
    expect(rows[1]?.textContent).toMatch(/¥5,280\/month incl\. tax/);
  });

  it("counts the services beyond the first four", () => {
    renderCard(
      [1, 2, 3, 4, 5, 6].map((id) => subscription({ id })),
      "en",
    );
    expect(within(screen.getByRole("list")).getAllByRole("listitem")).toHaveLength(4);
    expect(screen.getByText("and 2 more services")).toBeDefined();
  });

  it("says there are no services yet and points to the plans (ja)", () => {
    renderCard([subscription({ status: "cancelled" })], "ja");
    expect(screen.getByText("ご利用中のサービスはまだありません。")).toBeDefined();
    expect(screen.getByRole("link", { name: "プランを見る" }).getAttribute("href")).toBe(
      "/catalog",
    );
  });

  it("shows the amount in Japanese with the cycle first (ja)", () => {
    renderCard([subscription()], "ja");
    expect(screen.getByRole("listitem").textContent).toContain("月額 5,280円(税込)");
  });
});
