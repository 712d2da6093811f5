// @vitest-environment jsdom
import { screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { BackToInvoices } from "@/features/billing/components/back-to-invoices";
import { renderInPortal } from "@/test/render-in-portal";

const url = vi.hoisted(() => ({ search: "" }));
vi.mock("next/navigation", () => ({
  useSearchParams: () => new URLSearchParams(url.search),
}));

describe("BackToInvoices", () => {
  it.each([
    ["status=unpaid&page=2", "/billing/invoices?status=unpaid&page=2"],
    ["page=3", "/billing/invoices?page=3"],
    ["", "/billing/invoices"],
    ["status=bogus&page=-4", "/billing/invoices"],
  ])("from an invoice opened at ?%s goes back to %s", (search, href) => {
    url.search = search;
    renderInPortal(<BackToInvoices />, { locale: "en" });
    expect(screen.getByRole("link", { name: "Back to invoices" }).getAttribute("href")).toBe(href);
  });
});
