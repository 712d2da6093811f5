import { z } from "zod";
import { simTypeSchema } from "../catalog/catalog-item.js";
import { japanDate } from "../common/japan-date.js";
import { orderTotalsSchema } from "./order-totals.js";
import { eidSchema, mnpDetailsSchema } from "./sim-order.js";

/** A Salesforce record id as checkout sends it (PricebookEntry ids of the portal price book). */
const catalogItemIdSchema = z
  .string()
  .regex(/^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/, "Choose an item from the catalog");

/** Options chosen on top of the plan (PricebookEntry ids), each at most once, at most 10. */
const optionIdsSchema = z
  .array(catalogItemIdSchema)
  .max(10, "Choose at most 10 options")
  .refine((ids) => new Set(ids).size === ids.length, "Choose each option once")
  .default([]);

/** When in the day the installer may come: `morning` (9–12), `afternoon` (13–17) or `any`. */
export const installationTimeSlotSchema = z.enum(["morning", "afternoon", "any"]);
export type InstallationTimeSlot = z.infer<typeof installationTimeSlotSchema>;

/**
 * The customer's wish for the fibre installation visit: a first-choice date, an optional second
 * choice (`YYYY-MM-DD`, Japan's calendar) and a time slot. Staff confirm the real date with the
 * line provider; how far ahead a date may be is checked by the BFF against its clock
 * ({@link installationDateWindow}). Source: issue 7 "internet orders need … an installation preference".
 */
export const installationPreferenceSchema = z
  .object({
    firstChoice: z.iso.date("Choose a date"),
    secondChoice: z.iso.date("Choose a date").nullable().default(null),
    timeSlot: installationTimeSlotSchema,
  })
  .refine((value) => value.secondChoice !== value.firstChoice, {
    path: ["secondChoice"],
    message: "Choose a second date different from the first",
  });
export type InstallationPreference = z.infer<typeof installationPreferenceSchema>;

/** Days from today (Japan) to the earliest installation date: the line provider's lead time. */
export const INSTALLATION_LEAD_DAYS = 14;
/** Days from today (Japan) to the latest installation date a customer may ask for. */
export const INSTALLATION_HORIZON_DAYS = 90;

/**
 * The dates an installation may be asked for, given the current instant: from today in Japan
 * (UTC+9, no daylight saving) plus {@link INSTALLATION_LEAD_DAYS} to plus
 * {@link INSTALLATION_HORIZON_DAYS}, both inclusive, as `YYYY-MM-DD`.
 */
export function installationDateWindow(now: Date): { earliest: string; latest: string } {
  return {
    earliest: japanDate(now, INSTALLATION_LEAD_DAYS),
    latest: japanDate(now, INSTALLATION_HORIZON_DAYS),
  };
}

/**
 * The totals the customer saw and agreed to (the portal's {@link quoteOrder} of the same choice):
 * the BFF places the order only when its own quote is the same, so nobody is charged a price
 * that changed while they were deciding.
 */
const expectedTotals = { expectedTotals: orderTotalsSchema };

/** A fibre order: the plan, monthly add-ons and the installation preference. */
export const internetOrderRequestSchema = z.object({
  category: z.literal("internet"),
  ...expectedTotals,
  planId: catalogItemIdSchema,
  addOnIds: optionIdsSchema,
  installation: installationPreferenceSchema,
});

/**
 * A SIM order: the plan, the SIM type (an eSIM needs the device's 32-digit EID, a physical SIM
 * none), voice options and add-ons, and MNP details when the customer brings a number.
 */
export const simOrderRequestSchema = z
  .object({
    category: z.literal("sim"),
    ...expectedTotals,
    planId: catalogItemIdSchema,
    simType: simTypeSchema,
    eid: eidSchema.nullable().default(null),
    voiceOptionIds: optionIdsSchema,
    addOnIds: optionIdsSchema,
    mnp: mnpDetailsSchema.nullable().default(null),
  })
  .superRefine((value, context) => {
    if (value.simType === "esim" && value.eid === null) {
      context.addIssue({ code: "custom", path: ["eid"], message: "Enter the device's EID" });
    }
    if (value.simType === "physical" && value.eid !== null) {
      context.addIssue({
        code: "custom",
        path: ["eid"],
        message: "An EID is only needed for an eSIM",
      });
    }
  });

/** A VPN router order: the plan and monthly add-ons. */
export const vpnOrderRequestSchema = z.object({
  category: z.literal("vpn"),
  ...expectedTotals,
  planId: catalogItemIdSchema,
  addOnIds: optionIdsSchema,
});

/**
 * `POST /api/orders` body: one order at a time, by catalog category. Fees (activation,
 * installation, SIM issue) are never chosen: the BFF adds the ones the catalog attaches to the
 * choice ({@link quoteOrder}). Source: issue 7 "Checkout and orders"; DESIGN.md §6 step 1.
 */
export const placeOrderRequestSchema = z.discriminatedUnion("category", [
  internetOrderRequestSchema,
  simOrderRequestSchema,
  vpnOrderRequestSchema,
]);
export type PlaceOrderRequest = z.infer<typeof placeOrderRequestSchema>;
export type PlaceOrderRequestInput = z.input<typeof placeOrderRequestSchema>;

/** What was chosen, without the agreed totals: what {@link quoteOrder} prices. */
export type OrderChoice = PlaceOrderRequest extends infer Request
  ? Request extends unknown
    ? Omit<Request, "expectedTotals">
    : never
  : never;
