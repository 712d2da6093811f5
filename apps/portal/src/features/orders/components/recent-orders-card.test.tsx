// @vitest-environment jsdom
import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { orderKeys } from "@/features/orders/api/order-keys";
import { RecentOrdersCard } from "@/features/orders/components/recent-orders-card";
import { orderSummary } from "@/test/order-fixtures";
import { renderInPortal } from "@/test/render-in-portal";

function renderCard(items: ReturnType<typeof orderSummary>[], locale: "ja" | "en") {
  return renderInPortal(<RecentOrdersCard />, {
    locale,
    seed: (client) =>
      client.setQueryData(orderKeys.list({ page: 1, pageSize: 3 }), {
        items,
        page: 1,
        pageSize: 3,
        totalItems: items.length,
        totalPages: items.length > 0 ? 1 : 0,
      }),
  });
}

describe("RecentOrdersCard", () => {
  it("lists the latest orders with their status, linking to each and to all orders", () => {
    renderCard([orderSummary()], "en");
    expect(
      screen.getByRole("link", { name: "SIM and eSIM · Voice 5GB" }).getAttribute("href"),
    ).toBe("/orders/801TEST00000001");
    expect(screen.getByText("Pending review")).toBeDefined();
    expect(screen.getByRole("link", { name: "See all orders" }).getAttribute("href")).toBe(
      "/orders",
    );
  });

  it("says there are no orders yet and points to the plans (ja)", () => {
    renderCard([], "ja");
    expect(screen.getByText("まだご注文はありません。")).toBeDefined();
    expect(screen.getByRole("link", { name: "プランを見る" }).getAttribute("href")).toBe(
      "/catalog",
    );
  });
});
