import {
  type ActivationStatus,
  type Address,
  type MnpGender,
  mnpDetailsSchema,
  type OrderAddress,
  type OrderDetail,
  orderDetailSchema,
  type OrderItem,
  type OrderStatus,
  type OrderSummary,
  orderSummarySchema,
  type OrderTimelineEntry,
  orderTotals,
  type SimOrderDetails,
  type SimType,
  STANDARD_TAX_RATE,
} from "@portal/domain";
import {
  type ActivationStatusValue,
  type OrderStatusValue,
  type RawOrder,
  type RawOrderHistory,
  type RawOrderFields,
  type RawOrderItem,
} from "../raw/order.js";
import { toInstallationPreference } from "./installation-preference.js";
import { toLocalizedText } from "./localized-text.js";
import {
  BILLING_CYCLES_FROM_RAW,
  CATEGORIES_FROM_RAW,
  ITEM_CLASSES_FROM_RAW,
  knownValue,
} from "./product-picklists.js";
import { SIM_TYPES_FROM_RAW, SIM_TYPES_TO_RAW } from "./sim-type.js";

/** The currency of every order amount: the portal's org sells in yen (JPY has no minor unit). */
const ORDER_CURRENCY = "JPY";

const STATUS: Readonly<Record<OrderStatusValue, OrderStatus>> = {
  Draft: "draft",
  "Pending Review": "pending_review",
  Approved: "approved",
  Activated: "activated",
  Cancelled: "cancelled",
};
const STATUS_VALUE = Object.fromEntries(
  Object.entries(STATUS).map(([value, status]) => [status, value]),
) as Record<OrderStatus, OrderStatusValue>;

const ACTIVATION: Readonly<Record<ActivationStatusValue, ActivationStatus>> = {
  "Not Started": "not_started",
  Activating: "activating",
  Activated: "activated",
  Failed: "failed",
};
const ACTIVATION_VALUE = Object.fromEntries(
  Object.entries(ACTIVATION).map(([value, status]) => [status, value]),
) as Record<ActivationStatus, ActivationStatusValue>;

const GENDER: Readonly<Record<string, MnpGender>> = {
  Male: "male",
  Female: "female",
  Corporate: "corporate",
};
const GENDER_VALUE: Readonly<Record<MnpGender, string>> = {
  male: "Male",
  female: "Female",
  corporate: "Corporate",
};

/**
 * Order `Status` → the portal's status. A value the org added later (not in DESIGN.md §4) is read
 * as `pending_review`, the state in which staff still handle it.
 */
export function toOrderStatus(value: string | null): OrderStatus {
  return (value !== null && STATUS[value as OrderStatusValue]) || "pending_review";
}

/** The portal's status → Order `Status`. */
export function toOrderStatusValue(status: OrderStatus): OrderStatusValue {
  return STATUS_VALUE[status];
}

/** `Activation_Status__c` → the portal's activation status; empty or unknown is `not_started`. */
export function toActivationStatus(value: string | null): ActivationStatus {
  return (value !== null && ACTIVATION[value as ActivationStatusValue]) || "not_started";
}

/** The portal's activation status → `Activation_Status__c`. */
export function toActivationStatusValue(status: ActivationStatus): ActivationStatusValue {
  return ACTIVATION_VALUE[status];
}

/** `Billing…` or `Shipping…` fields as the Order stores an address (street, building on line 2). */
export type RawOrderAddress<Prefix extends "Billing" | "Shipping"> = Record<
  `${Prefix}${"Street" | "City" | "State" | "PostalCode" | "Country"}`,
  string
>;

/** An address → the Order's `Billing…` / `Shipping…` fields (the building on a second street line). */
export function toRawOrderAddress<Prefix extends "Billing" | "Shipping">(
  prefix: Prefix,
  address: Address,
): RawOrderAddress<Prefix> {
  return {
    [`${prefix}PostalCode`]: address.postcode,
    [`${prefix}State`]: address.prefecture,
    [`${prefix}City`]: address.city,
    [`${prefix}Street`]: address.building
      ? `${address.street}\n${address.building}`
      : address.street,
    [`${prefix}Country`]: address.country,
  } as RawOrderAddress<Prefix>;
}

/** The SIM/MNP part of an order → the Order's custom fields (all null for a non-SIM order). */
export function toRawSimFields(sim: SimOrderDetails | null): Record<string, string | null> {
  const mnp = sim?.mnp ?? null;
  return {
    SIM_Type__c: sim ? SIM_TYPES_TO_RAW[sim.simType] : null,
    EID__c: sim?.eid ?? null,
    MNP_Reservation_Number__c: mnp?.reservationNumber ?? null,
    MNP_Expiry_Date__c: mnp?.expiresOn ?? null,
    MNP_Last_Name__c: mnp?.lastName ?? null,
    MNP_First_Name__c: mnp?.firstName ?? null,
    MNP_Last_Name_Kana__c: mnp?.lastNameKana ?? null,
    MNP_First_Name_Kana__c: mnp?.firstNameKana ?? null,
    MNP_Birthdate__c: mnp?.birthdate ?? null,
    MNP_Gender__c: mnp ? GENDER_VALUE[mnp.gender] : null,
  };
}

/** Salesforce datetime (`2026-03-31T03:00:00.000+0000`) → ISO 8601 UTC (`…Z`). */
function toIsoUtc(value: string): string {
  return new Date(value.replace(/([+-]\d{2})(\d{2})$/, "$1:$2")).toISOString();
}

/**
 * An OrderItem with its product's fields → an order line: amounts in integer yen (tax excluded);
 * name (Japanese + English, decision 0064), item class and billing cycle from the product (an empty or unknown item class is null; a
 * line whose product has no known billing cycle is read as one-time, the cycle of every fee).
 */
function toOrderItem(raw: RawOrderItem): OrderItem {
  const product = raw.Product2;
  return {
    id: raw.Id,
    productId: raw.Product2Id,
    pricebookEntryId: raw.PricebookEntryId,
    name: toLocalizedText(product?.Name ?? "", product?.Name_En__c ?? null),
    itemClass: knownValue(product?.Item_Class__c ?? null, ITEM_CLASSES_FROM_RAW),
    billingCycle:
      knownValue(product?.Billing_Cycle__c ?? null, BILLING_CYCLES_FROM_RAW) ?? "one_time",
    quantity: raw.Quantity,
    unitPrice: { amount: Math.round(raw.UnitPrice), currency: ORDER_CURRENCY },
    totalPrice: { amount: Math.round(raw.TotalPrice), currency: ORDER_CURRENCY },
    whmcsServiceId: raw.WHMCS_Service_ID__c,
  };
}

/**
 * An Order row with its `OrderItems` → the portal's order summary: the category from `Type`
 * (null for a type the portal does not sell), the title from the plan line (the first `Service`
 * item), and one-time and monthly totals of the line totals with consumption tax at the standard
 * rate, rounded once per total (`orderTotals`: the catalog prices every item at that rate,
 * decision 0051).
 * @throws ZodError when the row cannot form one (e.g. a malformed `EffectiveDate`).
 */
export function toOrderSummary(raw: RawOrder): OrderSummary {
  return summaryOf(raw, raw.OrderItems.map(toOrderItem));
}

function summaryOf(raw: RawOrder, items: readonly OrderItem[]): OrderSummary {
  return orderSummarySchema.parse({
    id: raw.Id,
    number: raw.OrderNumber,
    status: toOrderStatus(raw.Status),
    activationStatus: toActivationStatus(raw.Activation_Status__c),
    category: knownValue(raw.Type, CATEGORIES_FROM_RAW),
    title: items.find((item) => item.itemClass === "service")?.name ?? null,
    totals: orderTotals(
      items.map((item) => ({
        amount: item.totalPrice,
        taxRate: STANDARD_TAX_RATE,
        billingCycle: item.billingCycle,
      })),
    ),
    effectiveOn: raw.EffectiveDate,
    placedAt: toIsoUtc(raw.CreatedDate),
  });
}

function toAddress(raw: RawOrder, prefix: "Billing" | "Shipping"): OrderAddress | null {
  const postcode = raw[`${prefix}PostalCode`];
  const street = raw[`${prefix}Street`];
  if (postcode === null && street === null) return null;
  const [firstLine = "", ...rest] = (street ?? "").split("\n");
  return {
    postcode: postcode ?? "",
    prefecture: raw[`${prefix}State`] ?? "",
    city: raw[`${prefix}City`] ?? "",
    street: firstLine,
    building: rest.join(" "),
  };
}

/**
 * The SIM part of an Order, or null when it has no (known) `SIM_Type__c`. MNP details are kept only
 * when every one of them is present and valid: staff may have cleared some after porting.
 */
export function toSim(raw: RawOrderFields): SimOrderDetails | null {
  const simType =
    raw.SIM_Type__c === null
      ? undefined
      : (SIM_TYPES_FROM_RAW as Readonly<Record<string, SimType>>)[raw.SIM_Type__c];
  if (!simType) return null;
  const mnp = mnpDetailsSchema.safeParse({
    reservationNumber: raw.MNP_Reservation_Number__c,
    expiresOn: raw.MNP_Expiry_Date__c,
    lastName: raw.MNP_Last_Name__c,
    firstName: raw.MNP_First_Name__c,
    lastNameKana: raw.MNP_Last_Name_Kana__c,
    firstNameKana: raw.MNP_First_Name_Kana__c,
    birthdate: raw.MNP_Birthdate__c,
    gender: raw.MNP_Gender__c === null ? undefined : GENDER[raw.MNP_Gender__c],
  });
  return { simType, eid: raw.EID__c, mnp: mnp.success ? mnp.data : null };
}

function toTimelineEntry(raw: RawOrderHistory): OrderTimelineEntry | null {
  const at = toIsoUtc(raw.CreatedDate);
  const text = (value: RawOrderHistory["OldValue"]) => (value === null ? null : String(value));
  switch (raw.Field) {
    case "created":
      return { change: "created", at };
    case "Status": {
      const from = text(raw.OldValue);
      const to = text(raw.NewValue);
      return {
        change: "status",
        at,
        from: from === null ? null : toOrderStatus(from),
        to: to === null ? null : toOrderStatus(to),
      };
    }
    case "Activation_Status__c": {
      const from = text(raw.OldValue);
      const to = text(raw.NewValue);
      return {
        change: "activation_status",
        at,
        from: from === null ? null : toActivationStatus(from),
        to: to === null ? null : toActivationStatus(to),
      };
    }
    default:
      return null;
  }
}

/**
 * An Order row with its `OrderItems` (and `Histories`, when selected) → the portal's order detail:
 * amounts in integer yen, the address snapshot, SIM/MNP fields, the activation error and the
 * timeline of creation and Status / Activation_Status__c changes, oldest first (other tracked
 * fields are left out).
 * Source: DESIGN.md §4 (Order, OrderItem); Salesforce Object Reference "OrderHistory".
 * @throws ZodError when the row cannot form an order detail.
 */
export function toOrderDetail(raw: RawOrder): OrderDetail {
  const items = raw.OrderItems.map(toOrderItem);
  const timeline = [...raw.Histories]
    .sort((a, b) => (a.CreatedDate < b.CreatedDate ? -1 : a.CreatedDate > b.CreatedDate ? 1 : 0))
    .map(toTimelineEntry)
    .filter((entry): entry is OrderTimelineEntry => entry !== null);
  return orderDetailSchema.parse({
    ...summaryOf(raw, items),
    items,
    billingAddress: toAddress(raw, "Billing"),
    shippingAddress: toAddress(raw, "Shipping"),
    sim: toSim(raw),
    installationPreference: toInstallationPreference(raw.Installation_Preference__c),
    whmcsOrderId: raw.WHMCS_Order_ID__c,
    activationError:
      raw.Activation_Error_Code__c === null && raw.Activation_Error_Message__c === null
        ? null
        : {
            code: raw.Activation_Error_Code__c ?? "",
            message: raw.Activation_Error_Message__c ?? "",
          },
    timeline,
  });
}
