import { type CatalogItem, type InternetCatalog, quoteOrder } from "@portal/domain";
import { type ResolverOptions } from "react-hook-form";
import { describe, expect, it } from "vitest";
import {
  type CheckoutCatalog,
  type CheckoutFormValues,
  emptyCheckoutValues,
} from "@/features/checkout/model/checkout-form-values";
import { checkoutResolver } from "@/features/checkout/model/checkout-resolver";
import { entryId, simCatalog, simItem } from "@/test/order-fixtures";

const options = {
  fields: {},
  shouldUseNativeValidation: false,
} as ResolverOptions<CheckoutFormValues>;
const sim: CheckoutCatalog = { category: "sim", catalog: simCatalog };
const voicePlan = simCatalog.plans.find((plan) => plan.simPlanType === "voice") as CatalogItem;
const dataPlan = simCatalog.plans.find((plan) => plan.simPlanType === "data") as CatalogItem;

function values(overrides: Partial<CheckoutFormValues>): CheckoutFormValues {
  return { ...emptyCheckoutValues(sim), agreed: true, ...overrides };
}

describe("checkoutResolver", () => {
  it("resolves an eSIM order to the request, the EID normalised and the quote as expected totals", async () => {
    const result = await checkoutResolver(voicePlan, sim)(
      values({
        simType: "esim",
        eid: "８９０４ ９０３２ ０００１ ００００ ００００ １２３４ ５６７８ ９０１２",
        voiceOptionIds: [entryId(6)],
      }),
      undefined,
      options,
    );
    expect(result.errors).toEqual({});
    const expected = quoteOrder(
      {
        category: "sim",
        planId: voicePlan.id,
        simType: "esim",
        eid: null,
        voiceOptionIds: [entryId(6)],
        addOnIds: [],
        mnp: null,
      },
      simCatalog,
    ).totals;
    expect(result.values).toEqual({
      category: "sim",
      planId: voicePlan.id,
      simType: "esim",
      eid: "89049032000100000000123456789012",
      voiceOptionIds: [entryId(6)],
      addOnIds: [],
      mnp: null,
      expectedTotals: expected,
    });
    // Plan 860 + call option 500 monthly; contract fee 3,000 + eSIM 200 once.
    expect(expected.monthly.taxExcluded.amount).toBe(1_360);
    expect(expected.oneTime.taxIncluded.amount).toBe(3_520);
  });

  it("names the EID, each missing MNP field and the terms box, by zod issue code", async () => {
    const result = await checkoutResolver(voicePlan, sim)(
      values({ simType: "esim", eid: "1234", portNumber: true, agreed: false }),
      undefined,
      options,
    );
    expect(result.errors.eid?.type).toBe("invalid_format");
    expect(result.errors.mnp?.reservationNumber?.type).toBe("too_small");
    expect(result.errors.mnp?.birthdate?.type).toBe("invalid_format");
    expect(result.errors.mnp?.gender?.type).toBe("invalid_value");
    expect(result.errors.agreed?.type).toBe("not_agreed");
  });

  it("leaves MNP and voice options out of a data plan and the EID out of a physical SIM", async () => {
    const result = await checkoutResolver(dataPlan, sim)(
      values({ simType: "physical", eid: "junk", portNumber: true, voiceOptionIds: [entryId(6)] }),
      undefined,
      options,
    );
    expect(result.errors).toEqual({});
    expect(result.values).toMatchObject({ eid: null, mnp: null, voiceOptionIds: [] });
  });

  it("keeps installation dates inside the window the BFF accepts", async () => {
    const plan = simItem(10, "Home 1G", { itemClass: "service", offeringType: "home_1g" }, 4_900);
    const internetPlan: CatalogItem = { ...plan, category: "internet", planTier: "standard" };
    const catalog: InternetCatalog = {
      offeringTypes: [
        {
          offeringType: "home_1g",
          maxSpeedMbps: 1_000,
          plans: [internetPlan],
          installationFees: [],
        },
      ],
      activationFees: [],
      addOns: [],
    };
    const internet: CheckoutCatalog = { category: "internet", catalog };
    // 1 Dec 2026 12:00 in Japan: the window is 15 Dec 2026 to 1 Mar 2027.
    const resolve = checkoutResolver(
      internetPlan,
      internet,
      () => new Date("2026-12-01T03:00:00Z"),
    );
    const base = { ...emptyCheckoutValues(internet), agreed: true };

    const early = await resolve(
      { ...base, installation: { firstChoice: "2026-12-10", secondChoice: "", timeSlot: "any" } },
      undefined,
      options,
    );
    expect(early.errors.installation?.firstChoice?.type).toBe("outside_window");

    const fine = await resolve(
      {
        ...base,
        installation: {
          firstChoice: "2026-12-15",
          secondChoice: "2027-01-05",
          timeSlot: "morning",
        },
      },
      undefined,
      options,
    );
    expect(fine.errors).toEqual({});
    expect(fine.values).toMatchObject({
      category: "internet",
      installation: { firstChoice: "2026-12-15", secondChoice: "2027-01-05", timeSlot: "morning" },
    });
  });
});
