import {
  type ActivationStatus,
  type CatalogCategory,
  type CatalogItemClass,
  type LocalizedText,
  type OrderStatus,
  type SimOrderDetails,
  type SimPlanType,
} from "@portal/domain";
import { type SIM_PLAN_TYPES } from "../raw/product.js";
import { type RawFulfilmentOrder, type RawFulfilmentOrderItem } from "../raw/order.js";
import { toLocalizedText } from "./localized-text.js";
import { toActivationStatus, toOrderStatus, toSim } from "./order.js";
import { CATEGORIES_FROM_RAW, ITEM_CLASSES_FROM_RAW, knownValue } from "./product-picklists.js";

const SIM_PLAN_TYPES_FROM_RAW: Readonly<Record<(typeof SIM_PLAN_TYPES)[number], SimPlanType>> = {
  "Data+Voice": "voice",
  "Data Only": "data",
};

/** A SIM plan as the MVNO provisions it: voice and data or data only, and GB per month. */
export interface SimPlan {
  planType: SimPlanType;
  dataSizeGb: number;
}

/**
 * One line of an Order as fulfilment needs it: the OrderItem id, its product (id, name in both
 * languages, catalog category and item class — null when empty or unknown), quantity, the WHMCS
 * product it is billed as (null: not billed through WHMCS), the WHMCS service already recorded
 * on it (`WHMCS_Service_ID__c`, null when none) and, for a SIM plan, the plan (null otherwise).
 */
export interface FulfilmentOrderItem {
  id: string;
  productId: string | null;
  name: LocalizedText;
  category: CatalogCategory | null;
  itemClass: CatalogItemClass | null;
  quantity: number;
  whmcsProductId: number | null;
  whmcsServiceId: number | null;
  simPlan: SimPlan | null;
}

/**
 * A Salesforce Order as fulfilment reads it (DESIGN.md §6): id, number, Account, status and
 * activation status, the WHMCS order already recorded (`WHMCS_Order_ID__c`, null when none), the
 * SIM details (type, EID, MNP; null for a non-SIM order) and its lines in creation order.
 */
export interface FulfilmentOrder {
  id: string;
  number: string;
  accountId: string;
  status: OrderStatus;
  activationStatus: ActivationStatus;
  whmcsOrderId: number | null;
  sim: SimOrderDetails | null;
  items: FulfilmentOrderItem[];
}

/** A positive whole number written as text (how the org stores WHMCS ids), else null. */
function positiveId(value: string | null): number | null {
  const trimmed = value?.trim() ?? "";
  return /^[1-9]\d{0,9}$/.test(trimmed) ? Number(trimmed) : null;
}

function toSimPlan(product: NonNullable<RawFulfilmentOrderItem["Product2"]>): SimPlan | null {
  const planType = knownValue(product.SIM_Plan_Type__c, SIM_PLAN_TYPES_FROM_RAW);
  const size = product.SIM_Data_Size__c;
  if (planType === null || size === null || !Number.isInteger(size) || size <= 0) return null;
  return { planType, dataSizeGb: size };
}

function toFulfilmentItem(raw: RawFulfilmentOrderItem): FulfilmentOrderItem {
  const product = raw.Product2;
  const category = knownValue(product?.Portal_Category__c ?? null, CATEGORIES_FROM_RAW);
  const itemClass = knownValue(product?.Item_Class__c ?? null, ITEM_CLASSES_FROM_RAW);
  return {
    id: raw.Id,
    productId: raw.Product2Id,
    name: toLocalizedText(product?.Name ?? "", product?.Name_En__c ?? null),
    category,
    itemClass,
    quantity: raw.Quantity,
    whmcsProductId: positiveId(product?.WH_Product_ID__c ?? null),
    whmcsServiceId: positiveId(raw.WHMCS_Service_ID__c),
    simPlan: product && category === "sim" && itemClass === "service" ? toSimPlan(product) : null,
  };
}

/**
 * An Order row with its items and their products → {@link FulfilmentOrder}. A `WHMCS_Order_ID__c`
 * or `WHMCS_Service_ID__c` that is not a positive whole number reads as none.
 * Source: DESIGN.md §4 (Order, OrderItem, Product2), §6.
 */
export function toFulfilmentOrder(raw: RawFulfilmentOrder): FulfilmentOrder {
  return {
    id: raw.Id,
    number: raw.OrderNumber,
    accountId: raw.AccountId,
    status: toOrderStatus(raw.Status),
    activationStatus: toActivationStatus(raw.Activation_Status__c),
    whmcsOrderId: positiveId(raw.WHMCS_Order_ID__c),
    sim: toSim(raw),
    items: raw.OrderItems.map(toFulfilmentItem),
  };
}
