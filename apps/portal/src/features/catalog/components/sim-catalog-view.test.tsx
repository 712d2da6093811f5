// @vitest-environment jsdom
import { type CatalogItem, catalogPrice, groupSimCatalog } from "@portal/domain";
import { screen, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { catalogKeys } from "@/features/catalog/api/catalog-keys";
import { SimCatalogView } from "@/features/catalog/components/sim-catalog-view";
import { renderInPortal } from "@/test/render-in-portal";

const url = vi.hoisted(() => ({ search: "" }));
vi.mock("next/navigation", () => ({
  useSearchParams: () => new URLSearchParams(url.search),
}));

function simItem(
  id: string,
  fields: Pick<CatalogItem, "itemClass"> & Partial<CatalogItem>,
  yen: number,
): CatalogItem {
  return {
    id,
    productId: `01t${id}`,
    sku: id,
    name: { ja: id, en: id },
    description: null,
    category: "sim",
    price: catalogPrice(yen, fields.itemClass === "service" ? "monthly" : "one_time"),
    billingProductId: null,
    displayOrder: 0,
    offeringType: null,
    planTier: null,
    dataSizeGb: null,
    simPlanType: null,
    simType: null,
    ...fields,
  };
}

const catalog = groupSimCatalog([
  simItem("VOICE-2", { itemClass: "service", simPlanType: "voice", dataSizeGb: 2 }, 773),
  simItem("VOICE-5", { itemClass: "service", simPlanType: "voice", dataSizeGb: 5 }, 860),
  simItem("DATA-5", { itemClass: "service", simPlanType: "data", dataSizeGb: 5 }, 760),
  simItem("ACTIVATION", { itemClass: "activation" }, 3_000),
  simItem("CARD", { itemClass: "activation", simType: "physical" }, 394),
  simItem("ESIM", { itemClass: "activation", simType: "esim" }, 200),
]);

function renderView(search: string, locale: "ja" | "en" = "en") {
  url.search = search;
  return renderInPortal(<SimCatalogView />, {
    locale,
    seed: (client) => client.setQueryData(catalogKeys.category("sim"), catalog),
  });
}

describe("SimCatalogView", () => {
  beforeEach(() => {
    url.search = "";
  });

  it("shows every plan with its tax-inclusive price, tax-exclusive beneath, and a checkout link", () => {
    renderView("");

    const plans = screen.getByRole("list", { name: "SIM plans" });
    const cards = within(plans).getAllByRole("listitem", { name: /.+/ });
    expect(cards).toHaveLength(3);
    const first = within(plans).getByRole("listitem", { name: "Voice + data 2 GB" });
    expect(first.textContent).toContain("¥850");
    expect(first.textContent).toContain("¥773 excl. tax");
    // Contract fee 3,300 + SIM card 433.
    expect(first.textContent).toContain("¥3,733");
    expect(
      within(first).getByRole("link", { name: "Choose Voice + data 2 GB" }).getAttribute("href"),
    ).toBe("/checkout?plan=VOICE-2");
  });

  it("filters by plan type and data size from the URL, and prices the eSIM fee", () => {
    renderView("type=voice&data=5&sim=esim");

    const plans = screen.getByRole("list", { name: "SIM plans" });
    const cards = within(plans).getAllByRole("listitem", { name: /.+/ });
    expect(cards.map((card) => card.getAttribute("aria-labelledby"))).toEqual(["plan-VOICE-5"]);
    expect(cards[0]?.textContent).toContain("eSIM profile issue fee");
    expect(cards[0]?.textContent).toContain("¥3,520");
  });

  it("says so when no plan matches, in Japanese too", () => {
    renderView("type=data&data=2", "ja");

    expect(screen.getByRole("heading", { name: "条件に合うプランはありません" })).toBeDefined();
  });
});
