import { ACCOUNT } from "../model/account.js";
import { ORDER } from "../model/order.js";
import { ORDER_HISTORY } from "../model/order-history.js";
import { ORDER_ITEM } from "../model/order-item.js";
import type { RecordSource, RecordWrites } from "../model/sobject-records.js";
import type { SfRecord } from "../state/salesforce-state.js";
import { PORTAL_PRICEBOOK_ID } from "../seed/catalog-seed.js";

/** The REST API version these writes are logged under (the change log's `changeOrigin`). */
const API_VERSION = "65.0";

/** A SIM order's kind of SIM: a physical card or an eSIM profile (which needs the device's EID). */
export type SimKind = "physical" | "esim";

/** The plan every generated order buys, and the fees checkout adds (decision 0059). */
const PLAN_CODE = "SIM-DATA-10GB";
const ACTIVATION_FEE_CODE = "SIM-ACTIVATION";
const ISSUE_FEE_CODE: Readonly<Record<SimKind, string>> = {
  physical: "SIM-ISSUE-PHYSICAL",
  esim: "SIM-ISSUE-ESIM",
};
const SIM_TYPE_VALUE: Readonly<Record<SimKind, string>> = { physical: "Physical", esim: "eSIM" };

/** The portal price book's active entry of product `code` (ProductCode). */
function portalEntry(source: RecordSource, code: string): { entry: SfRecord; product: SfRecord } {
  const product = source.list("Product2").find((candidate) => candidate.ProductCode === code);
  const entry = source
    .list("PricebookEntry")
    .find(
      (candidate) =>
        candidate.Product2Id === product?.Id && candidate.Pricebook2Id === PORTAL_PRICEBOOK_ID,
    );
  if (!product || !entry) throw new Error(`The catalog has no portal price for ${code}`);
  return { entry, product };
}

/**
 * Creates, inside a transaction, the SIM order checkout would place for Account `accountId`
 * (decision 0058): Order `Pending Review`, `Activation_Status__c` `Not Started`, Type `SIM`, the
 * portal price book, the Account's billing address as billing and shipping snapshot, `SIM_Type__c`
 * and (eSIM) an `EID__c` derived from `sequence`, `Portal_Request_Id__c` `bench-<sequence>`; lines:
 * the 10 GB data plan, the activation fee and the SIM type's issue fee, each quantity 1 at its
 * portal price. Returns the Order id.
 * @throws Error when the catalog lacks one of the products; the errors of `RecordWrites.create`.
 */
export function createSimOrder(
  writes: RecordWrites,
  source: RecordSource,
  order: { accountId: string; simKind: SimKind; sequence: number; effectiveOn: string },
): string {
  const account = source.list(ACCOUNT.name).find((candidate) => candidate.Id === order.accountId);
  if (!account) throw new Error(`Account ${order.accountId} does not exist`);
  const address = (prefix: "Billing" | "Shipping") =>
    Object.fromEntries(
      ["Street", "City", "State", "PostalCode", "Country"].map((part) => [
        `${prefix}${part}`,
        account[`Billing${part}`] ?? null,
      ]),
    );
  const orderId = writes.create(
    ORDER,
    {
      AccountId: order.accountId,
      Pricebook2Id: PORTAL_PRICEBOOK_ID,
      Status: "Pending Review",
      Activation_Status__c: "Not Started",
      Type: "SIM",
      EffectiveDate: order.effectiveOn,
      ...address("Billing"),
      ...address("Shipping"),
      SIM_Type__c: SIM_TYPE_VALUE[order.simKind],
      EID__c:
        order.simKind === "esim" ? `89049032${String(order.sequence).padStart(24, "0")}` : null,
      Portal_Request_Id__c: `bench-${order.sequence}`,
    },
    { apiVersion: API_VERSION },
  );
  for (const code of [PLAN_CODE, ACTIVATION_FEE_CODE, ISSUE_FEE_CODE[order.simKind]]) {
    const { entry, product } = portalEntry(source, code);
    writes.create(
      ORDER_ITEM,
      {
        OrderId: orderId,
        PricebookEntryId: entry.Id,
        Product2Id: product.Id,
        Quantity: 1,
        UnitPrice: entry.UnitPrice,
      },
      { apiVersion: API_VERSION },
    );
  }
  return orderId;
}

/** Where one Order's fulfilment stands (see {@link fulfilmentTimes}). */
export interface OrderFulfilmentTimes {
  activationStatus: string | null;
  approvedAt: string | null;
  activatedAt: string | null;
  activatedTimes: number;
}

/**
 * Where Orders `orderIds` stand, from each Order and its field history: `activationStatus`
 * (`Activation_Status__c`, null when empty), `approvedAt` (when `Status` last became `Approved`)
 * and `activatedAt` (when `Activation_Status__c` last became `Activated`), ISO 8601 UTC with
 * milliseconds or null; `activatedTimes` counts how often it became `Activated` (more than once:
 * the Order was activated twice). Unknown Orders are left out of the map.
 */
export function fulfilmentTimes(
  source: RecordSource,
  orderIds: readonly string[],
): Map<string, OrderFulfilmentTimes> {
  const wanted = new Set(orderIds);
  const history = new Map<string, SfRecord[]>();
  for (const row of source.list(ORDER_HISTORY.name)) {
    const orderId = String(row.OrderId);
    if (!wanted.has(orderId)) continue;
    history.set(orderId, [...(history.get(orderId) ?? []), row]);
  }
  const isoUtc = (value: unknown) =>
    typeof value === "string" ? new Date(value.replace(/\+0000$/, "Z")).toISOString() : null;
  const times = new Map<string, OrderFulfilmentTimes>();
  for (const order of source.list(ORDER.name)) {
    const orderId = String(order.Id);
    if (!wanted.has(orderId)) continue;
    const rows = history.get(orderId) ?? [];
    const became = (field: string, value: string) =>
      rows.filter((row) => row.Field === field && row.NewValue === value);
    const activated = became("Activation_Status__c", "Activated");
    times.set(orderId, {
      activationStatus:
        typeof order.Activation_Status__c === "string" ? order.Activation_Status__c : null,
      approvedAt: isoUtc(became("Status", "Approved").at(-1)?.CreatedDate),
      activatedAt: isoUtc(activated.at(-1)?.CreatedDate),
      activatedTimes: activated.length,
    });
  }
  return times;
}
