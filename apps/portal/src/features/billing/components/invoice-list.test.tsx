// @vitest-environment jsdom
import { type InvoiceListPage } from "@portal/domain";
import { screen, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { invoiceKeys } from "@/features/billing/api/invoice-keys";
import { InvoiceList } from "@/features/billing/components/invoice-list";
import { invoiceSummary } from "@/test/invoice-fixtures";
import { renderInPortal } from "@/test/render-in-portal";

const url = vi.hoisted(() => ({ search: "" }));
vi.mock("next/navigation", () => ({
  useSearchParams: () => new URLSearchParams(url.search),
}));

function renderList(search: string, page: InvoiceListPage) {
  url.search = search;
  return renderInPortal(<InvoiceList />, {
    locale: "en",
    seed: (client) => {
      const status = new URLSearchParams(search).get("status") ?? "all";
      client.setQueryData(
        invoiceKeys.list({ status: status as "all", page: page.page, pageSize: 10 }),
        page,
      );
    },
  });
}

describe("InvoiceList", () => {
  beforeEach(() => {
    url.search = "";
  });

  it("says a page past the end does not exist and links to the last page, keeping the filter", () => {
    renderList("status=paid&page=9", {
      items: [],
      page: 9,
      pageSize: 10,
      totalItems: 11,
      totalPages: 2,
    });

    expect(screen.getByRole("heading", { name: "There is no page 9" })).toBeDefined();
    const last = screen.getByRole("link", { name: "Go to page 2" });
    expect(last.getAttribute("href")).toBe("/billing/invoices?status=paid&page=2");
  });

  it("has a Pay button on each payable row only, and links carry the list position", () => {
    renderList("page=2", {
      items: [
        invoiceSummary(21, "overdue"),
        invoiceSummary(22, "paid"),
        invoiceSummary(23, "cancelled"),
      ],
      page: 2,
      pageSize: 10,
      totalItems: 13,
      totalPages: 2,
    });

    // Table (md and up) and cards (phones) are both in the DOM; CSS shows one.
    expect(screen.getAllByRole("button", { name: "Pay invoice INV-202611-21" })).toHaveLength(2);
    expect(screen.queryAllByRole("button", { name: /Pay invoice INV-202611-2[23]/ })).toEqual([]);
    const table = screen.getByRole("table");
    expect(within(table).getByRole("link", { name: "INV-202611-22" }).getAttribute("href")).toBe(
      "/billing/invoices/22?page=2",
    );
  });
});
