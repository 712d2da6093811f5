// @vitest-environment jsdom
import { type CatalogItem, catalogPrice, groupInternetCatalog } from "@portal/domain";
import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { catalogKeys } from "@/features/catalog/api/catalog-keys";
import { InternetCatalogView } from "@/features/catalog/components/internet-catalog-view";
import { renderInPortal } from "@/test/render-in-portal";

function internetItem(
  id: string,
  fields: Pick<CatalogItem, "itemClass"> & Partial<CatalogItem>,
  yen: number,
): CatalogItem {
  return {
    id,
    productId: `01t${id}`,
    sku: id,
    name: id,
    description: null,
    category: "internet",
    price: catalogPrice(
      yen,
      fields.itemClass === "service" || fields.itemClass === "add_on" ? "monthly" : "one_time",
    ),
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

function renderView(items: CatalogItem[], locale: "ja" | "en") {
  return renderInPortal(<InternetCatalogView />, {
    locale,
    seed: (client) =>
      client.setQueryData(catalogKeys.category("internet"), groupInternetCatalog(items)),
  });
}

describe("InternetCatalogView", () => {
  it("groups plans under their offering type with its speed and that line's fees", () => {
    renderView(
      [
        internetItem(
          "HOME10G",
          { itemClass: "service", offeringType: "home_10g", planTier: "standard" },
          6_200,
        ),
        internetItem(
          "MANSION",
          { itemClass: "service", offeringType: "mansion_1g", planTier: "premium" },
          4_200,
        ),
        internetItem(
          "INSTALL-10G",
          { itemClass: "installation", offeringType: "home_10g" },
          20_000,
        ),
        internetItem(
          "INSTALL-MANSION",
          { itemClass: "installation", offeringType: "mansion_1g" },
          15_000,
        ),
        internetItem("ACTIVATION", { itemClass: "activation" }, 3_000),
        internetItem("Fixed IPv4 address", { itemClass: "add_on" }, 2_500),
      ],
      "ja",
    );

    expect(
      screen.getAllByRole("heading", { level: 2 }).map((heading) => heading.textContent),
    ).toEqual(["戸建て 10G · 最大10Gbps", "マンション 1G · 最大1Gbps", "オプション"]);
    const tenGig = within(screen.getByRole("list", { name: "戸建て 10G · 最大10Gbps" })).getByRole(
      "listitem",
      { name: "戸建て 10G スタンダード" },
    );
    expect(tenGig.textContent).toContain("6,820円");
    // Installation 22,000 + contract fee 3,300, not the apartment's installation.
    expect(tenGig.textContent).toContain("25,300円");
    expect(tenGig.textContent).not.toContain("16,500円");
    expect(screen.getByText("Fixed IPv4 address")).toBeDefined();
  });

  it("says there are no plans when the price book offers none", () => {
    renderView([], "en");

    expect(screen.getByRole("heading", { name: "No plans are available right now" })).toBeDefined();
  });
});
