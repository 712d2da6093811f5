import { z } from "zod";
import { internetOfferingTypeSchema } from "../eligibility/internet-offering-type.js";
import { catalogItemSchema, simTypeSchema } from "./catalog-item.js";

/**
 * `GET /api/catalog/internet`: fibre plans grouped by offering type, the way a customer chooses —
 * first the line their address qualifies for (`offeringType`, the value eligibility is compared
 * with), then a plan. Each group has its nominal `maxSpeedMbps`, its `plans` (monthly services,
 * each carrying its `offeringType` too) and the `installationFees` for that line (one-time; fees
 * not tied to an offering type appear in every group). `activationFees` apply to every order,
 * `addOns` are monthly options for any plan. Groups and items in display order; a group without
 * plans is left out.
 */
export const internetCatalogSchema = z.object({
  offeringTypes: z.array(
    z.object({
      offeringType: internetOfferingTypeSchema,
      maxSpeedMbps: z.number().int().positive(),
      plans: z.array(catalogItemSchema),
      installationFees: z.array(catalogItemSchema),
    }),
  ),
  activationFees: z.array(catalogItemSchema),
  addOns: z.array(catalogItemSchema),
});
export type InternetCatalog = z.infer<typeof internetCatalogSchema>;

/**
 * `GET /api/catalog/sim`: SIM plans (each with `dataSizeGb` and `simPlanType`; voice plans can keep
 * the customer's number through MNP, an order option with no price), `activationFees` for every
 * order, per SIM type (physical card, eSIM) its issue `fees`, the `voiceOptions` of voice plans
 * (call packages), and other `addOns` (their `simPlanType` says which plans they apply to, null =
 * all). Items in display order.
 */
export const simCatalogSchema = z.object({
  plans: z.array(catalogItemSchema),
  activationFees: z.array(catalogItemSchema),
  simTypes: z.array(z.object({ simType: simTypeSchema, fees: z.array(catalogItemSchema) })),
  voiceOptions: z.array(catalogItemSchema),
  addOns: z.array(catalogItemSchema),
});
export type SimCatalog = z.infer<typeof simCatalogSchema>;

/** `GET /api/catalog/vpn`: VPN router plans, the one-time `activationFees`, and monthly `addOns`. */
export const vpnCatalogSchema = z.object({
  plans: z.array(catalogItemSchema),
  activationFees: z.array(catalogItemSchema),
  addOns: z.array(catalogItemSchema),
});
export type VpnCatalog = z.infer<typeof vpnCatalogSchema>;
