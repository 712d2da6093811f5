// @vitest-environment jsdom
import { screen, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { orderKeys } from "@/features/orders/api/order-keys";
import { OrderDetail } from "@/features/orders/components/order-detail";
import { orderDetail } from "@/test/order-fixtures";
import { renderInPortal } from "@/test/render-in-portal";

vi.mock("next/navigation", () => ({ notFound: () => undefined }));

function renderOrder(order: ReturnType<typeof orderDetail>, locale: "ja" | "en", placed = false) {
  return renderInPortal(<OrderDetail id={order.id} placed={placed} />, {
    locale,
    seed: (client) => client.setQueryData(orderKeys.detail(order.id), order),
  });
}

describe("OrderDetail", () => {
  it("thanks the customer right after checkout and shows the status, lines, totals and SIM details", () => {
    renderOrder(orderDetail(), "en", true);
    expect(screen.getByText("Thank you — your order has been placed")).toBeDefined();
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("SIM and eSIM · Voice 5GB");
    expect(screen.getByText("Pending review")).toBeDefined();
    const items = screen.getByRole("table");
    expect(within(items).getByText("Contract fee")).toBeDefined();
    expect(screen.getByText("¥3,520")).toBeDefined();
    // The EID partly; the MNP holder with the reading.
    expect(screen.getByText("•••• 8901")).toBeDefined();
    expect(screen.getByText("山田 太郎（ヤマダ タロウ）")).toBeDefined();
    expect(screen.getByText("Order placed")).toBeDefined();
  });

  it("names the plan and the lines in the page's language (decision 0064)", () => {
    renderOrder(orderDetail(), "ja");
    expect(screen.getByRole("heading", { level: 1 }).textContent).toContain("音声SIM 5GB");
    const items = screen.getByRole("table");
    expect(within(items).getByText("SIM初期費用")).toBeDefined();
    expect(within(items).queryByText("Contract fee")).toBeNull();
  });

  it.each([
    ["en", "Setting up your service failed", "Set-up failed"],
    ["ja", "開通手続きでエラーが発生しました", "開通エラー"],
  ] as const)(
    "explains a failed activation and tells the steps in plain words (%s)",
    (locale, title, badge) => {
      renderOrder(
        orderDetail({
          status: "approved",
          activationStatus: "failed",
          activationError: { code: "PAYMENT_METHOD_MISSING", message: "No payment method" },
          timeline: [
            { change: "created", at: "2026-12-02T01:00:00.000Z" },
            {
              change: "status",
              at: "2026-12-02T02:00:00.000Z",
              from: "pending_review",
              to: "approved",
            },
            {
              change: "activation_status",
              at: "2026-12-02T02:01:00.000Z",
              from: "activating",
              to: "failed",
            },
          ],
        }),
        locale,
      );
      const alert = screen.getByRole("alert");
      expect(alert.textContent).toContain(title);
      expect(alert.textContent).toContain("PAYMENT_METHOD_MISSING");
      expect(document.querySelector('[data-activation="failed"]')?.textContent).toBe(badge);
      const steps = screen.getAllByRole("listitem").map((item) => item.textContent);
      expect(
        steps.some((text) =>
          text?.includes(locale === "en" ? "Approved by our staff" : "担当者が承認しました"),
        ),
      ).toBe(true);
    },
  );
});
