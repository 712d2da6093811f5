import { type SimType } from "@portal/domain";
import { type SIM_TYPES } from "../raw/product.js";

/**
 * Salesforce `SIM_Type__c` (Product2 and Order; raw `SIM_TYPES`) → the domain's SIM type:
 * `Physical` → `physical`, `eSIM` → `esim`. Decisions 0051, 0056.
 */
export const SIM_TYPES_FROM_RAW: Readonly<Record<(typeof SIM_TYPES)[number], SimType>> = {
  Physical: "physical",
  eSIM: "esim",
};

/** The domain's SIM type → its `SIM_Type__c` value (the inverse of {@link SIM_TYPES_FROM_RAW}). */
export const SIM_TYPES_TO_RAW: Readonly<Record<SimType, (typeof SIM_TYPES)[number]>> = {
  physical: "Physical",
  esim: "eSIM",
};
