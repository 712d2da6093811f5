import {
  type CatalogItem,
  type InstallationTimeSlot,
  type InternetCatalog,
  type MnpGender,
  type OrderChoice,
  type OrderTotals,
  type PlaceOrderRequest,
  type SimCatalog,
  type SimType,
  type VpnCatalog,
} from "@portal/domain";
import { type UseFormReturn } from "react-hook-form";

/** The catalog of the plan's category, with the category to tell them apart. */
export type CheckoutCatalog =
  | { category: "internet"; catalog: InternetCatalog }
  | { category: "sim"; catalog: SimCatalog }
  | { category: "vpn"; catalog: VpnCatalog };

/**
 * What the checkout form holds, as the inputs hold it (text, `""` for empty): the request's
 * fields under their request names, so the domain schema's issue paths (`eid`,
 * `mnp.birthdate`, `installation.firstChoice`) are the form's field names, plus two fields of the
 * form alone: `portNumber` (the customer brings a number: MNP) and `agreed` (the terms).
 * Fields that do not apply to the plan's category are kept and left out of the request.
 */
export interface CheckoutFormValues {
  addOnIds: string[];
  voiceOptionIds: string[];
  simType: SimType;
  eid: string;
  portNumber: boolean;
  mnp: {
    reservationNumber: string;
    expiresOn: string;
    lastName: string;
    firstName: string;
    lastNameKana: string;
    firstNameKana: string;
    birthdate: string;
    gender: MnpGender | "";
  };
  installation: { firstChoice: string; secondChoice: string; timeSlot: InstallationTimeSlot };
  agreed: boolean;
}

/** The checkout form: its values, resolved to the `POST /api/orders` body. */
export type CheckoutForm = UseFormReturn<CheckoutFormValues, unknown, PlaceOrderRequest>;

/** An empty form; the SIM type starts as the first the catalog offers (physical when both). */
export function emptyCheckoutValues(catalog: CheckoutCatalog): CheckoutFormValues {
  return {
    addOnIds: [],
    voiceOptionIds: [],
    simType:
      catalog.category === "sim"
        ? (catalog.catalog.simTypes[0]?.simType ?? "physical")
        : "physical",
    eid: "",
    portNumber: false,
    mnp: {
      reservationNumber: "",
      expiresOn: "",
      lastName: "",
      firstName: "",
      lastNameKana: "",
      firstNameKana: "",
      birthdate: "",
      gender: "",
    },
    installation: { firstChoice: "", secondChoice: "", timeSlot: "any" },
    agreed: false,
  };
}

/** Whether a SIM plan is a voice plan (voice options and MNP apply only to those). */
export function isVoicePlan(plan: CatalogItem): boolean {
  return plan.category === "sim" && plan.simPlanType === "voice";
}

/**
 * The add-ons that go with `plan`: for SIM plans those of its plan type or of every plan
 * (`simPlanType` null), as `quoteOrder` accepts them; the catalog's add-ons otherwise.
 */
export function addOnsFor(plan: CatalogItem, checkout: CheckoutCatalog): CatalogItem[] {
  if (checkout.category !== "sim") return checkout.catalog.addOns;
  return checkout.catalog.addOns.filter(
    (addOn) => addOn.simPlanType === null || addOn.simPlanType === plan.simPlanType,
  );
}

/**
 * What is priced: the plan and the options chosen, in the shape `quoteOrder` takes. EID and MNP
 * do not change the price, so they are left empty here; the SIM type does (its issue fee).
 */
export function pricedChoice(
  plan: CatalogItem,
  checkout: CheckoutCatalog,
  values: Pick<CheckoutFormValues, "addOnIds" | "voiceOptionIds" | "simType" | "installation">,
): OrderChoice {
  switch (checkout.category) {
    case "internet":
      return {
        category: "internet",
        planId: plan.id,
        addOnIds: values.addOnIds,
        installation: {
          firstChoice: values.installation.firstChoice,
          secondChoice: values.installation.secondChoice || null,
          timeSlot: values.installation.timeSlot,
        },
      };
    case "sim":
      return {
        category: "sim",
        planId: plan.id,
        simType: values.simType,
        eid: null,
        voiceOptionIds: isVoicePlan(plan) ? values.voiceOptionIds : [],
        addOnIds: values.addOnIds,
        mnp: null,
      };
    case "vpn":
      return { category: "vpn", planId: plan.id, addOnIds: values.addOnIds };
  }
}

/**
 * The `POST /api/orders` body the form's values stand for, unchecked (the domain schema checks it),
 * with `expectedTotals` the quote the customer is looking at: the EID only for an eSIM, MNP only
 * when a voice plan keeps its number, an empty second installation date as none.
 */
export function orderRequestInput(
  plan: CatalogItem,
  checkout: CheckoutCatalog,
  values: CheckoutFormValues,
  expectedTotals: OrderTotals,
): Record<string, unknown> {
  const choice = pricedChoice(plan, checkout, values);
  if (choice.category !== "sim") return { ...choice, expectedTotals };
  return {
    ...choice,
    expectedTotals,
    eid: values.simType === "esim" ? values.eid : null,
    mnp: isVoicePlan(plan) && values.portNumber ? values.mnp : null,
  };
}
