// @vitest-environment jsdom
import {
  type CatalogItem,
  catalogPrice,
  type Eligibility,
  groupInternetCatalog,
} from "@portal/domain";
import { cleanup, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { catalogKeys } from "@/features/catalog/api/catalog-keys";
import { InternetCatalogView } from "@/features/catalog/components/internet-catalog-view";
import { eligibilityKeys } from "@/features/eligibility/api/eligibility-keys";
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
    name: { ja: id, en: id },
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

/** The view with the catalog the BFF answered for `eligibility` (default: eligible for none). */
function renderView(
  items: CatalogItem[],
  locale: "ja" | "en",
  eligibility: Eligibility = NOT_REQUESTED,
) {
  const eligibleFor = eligibility.status === "eligible" ? eligibility.offeringType : null;
  return renderInPortal(<InternetCatalogView />, {
    locale,
    seed: (client) => {
      client.setQueryData(eligibilityKeys.current(), eligibility);
      client.setQueryData(catalogKeys.internet(eligibleFor), groupInternetCatalog(items));
    },
  });
}

/** An add-on named in both languages, as Salesforce `Name` / `Name_En__c` give it. */
const FIXED_IP = internetItem(
  "FIXEDIP",
  {
    itemClass: "add_on",
    name: { ja: "固定IPv4アドレス", en: "Fixed IPv4 address" },
    description: {
      ja: "グローバル固定IPv4アドレスを1つ割り当てます。",
      en: "One static global IPv4 address.",
    },
  },
  2_500,
);

const NOT_REQUESTED: Eligibility = {
  status: "not_requested",
  offeringType: null,
  requestedAddress: null,
  requestedAt: null,
};

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
        FIXED_IP,
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
    expect(screen.getByText("固定IPv4アドレス")).toBeDefined();
    expect(screen.getByText("グローバル固定IPv4アドレスを1つ割り当てます。")).toBeDefined();
    expect(screen.queryByText("Fixed IPv4 address")).toBeNull();
  });

  it("names add-ons in the page's language (decision 0064)", () => {
    renderView(
      [internetItem("HOME1G", { itemClass: "service", offeringType: "home_1g" }, 4_900), FIXED_IP],
      "en",
    );

    expect(screen.getByText("Fixed IPv4 address")).toBeDefined();
    expect(screen.getByText("One static global IPv4 address.")).toBeDefined();
    expect(screen.queryByText("固定IPv4アドレス")).toBeNull();
  });

  it("lets a plan be chosen only once the address is eligible, pointing to the check before", () => {
    const items = [
      internetItem("HOME1G", { itemClass: "service", offeringType: "home_1g" }, 4_900),
    ];
    renderView(items, "en");
    expect(screen.queryByRole("link", { name: /Choose/ })).toBeNull();
    expect(
      screen.getByRole("link", { name: "Check availability first" }).getAttribute("href"),
    ).toBe("#eligibility");
    cleanup();

    renderView(items, "en", {
      ...NOT_REQUESTED,
      status: "eligible",
      offeringType: "home_1g",
    });
    expect(screen.getByRole("link", { name: /Choose/ }).getAttribute("href")).toMatch(
      /^\/checkout\?plan=HOME1G$/,
    );
  });

  it("says there are no plans when the price book offers none", () => {
    renderView([], "en");

    expect(screen.getByRole("heading", { name: "No plans are available right now" })).toBeDefined();
  });
});
