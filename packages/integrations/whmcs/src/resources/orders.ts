import { type WhmcsCore } from "../core/whmcs-core.js";
import { WhmcsError } from "../core/whmcs-error.js";
import {
  toBillingOrder,
  type BillingOrder,
  type BillingOrderStatus,
} from "../mappers/billing-order.js";
import { toAddOrderParams, type NewOrder } from "../mappers/order-params.js";
import {
  acceptOrderResponseSchema,
  addOrderResponseSchema,
  getClientsProductsResponseSchema,
  getOrdersResponseSchema,
  type WhmcsOrderStatus,
} from "../raw/orders.js";
import { getProductsResponseSchema } from "../raw/products.js";

/** Error text AcceptOrder answers for an unknown order or one not Pending (acceptorder.md). */
const NOT_PENDING = "order id not found or status not pending";

/** Rows asked for per GetClientsProducts page while looking for a reference. */
const SERVICES_PAGE_SIZE = 100;

/** The portal's order statuses → WHMCS's (GetOrders `status` filter). */
const STATUS_FILTER: Readonly<Record<BillingOrderStatus, WhmcsOrderStatus>> = {
  pending: "Pending",
  active: "Active",
  fraud: "Fraud",
  cancelled: "Cancelled",
};

/** What AddOrder created: the order, one service per line (in line order), the invoice if any. */
export interface PlacedOrder {
  orderId: number;
  serviceIds: number[];
  invoiceId: number | null;
}

/**
 * `whmcs.orders`: WHMCS orders — place (AddOrder), find again by the portal's reference, read,
 * accept (AcceptOrder). AddOrder is not idempotent in WHMCS, so every order carries a reference
 * (the Salesforce Order id) in a product custom field (named by `referenceFieldName`, default
 * "Salesforce Order ID") on each of its services; `findByReference` finds it after a crash, and
 * the caller checks that before placing (decision 0060). Reads are retried; AddOrder and
 * AcceptOrder are sent once. Source: WHMCS/developer-docs
 * api-reference/{addorder,acceptorder,getorders,getclientsproducts,getproducts}.md.
 */
export class WhmcsOrders {
  constructor(
    private readonly core: WhmcsCore,
    private readonly referenceFieldName: string,
  ) {}

  /**
   * Places an order (AddOrder, sent once) whose services all carry `reference` in the
   * reference custom field of their product (ids looked up with GetProducts). The order and its
   * services are `pending` until `accept`. Call `findByReference` first: a second call makes a
   * second order.
   * @throws WhmcsError `rejected` when a product does not exist or has no reference field (set-up,
   *   docs/setup/real-systems.md), or WHMCS refuses the order (unknown client, payment method…)
   */
  async add(order: NewOrder & { reference: string }): Promise<PlacedOrder> {
    const fieldIds = await this.referenceFieldIds(order.lines.map((line) => line.productId));
    const lines = order.lines.map((line) => {
      const fieldId = fieldIds.get(line.productId);
      if (fieldId === undefined) {
        throw new WhmcsError("rejected", "AddOrder", {
          reason: `Product ${line.productId} does not exist or has no "${this.referenceFieldName}" custom field`,
        });
      }
      const customFields = new Map(line.customFields);
      customFields.set(fieldId, order.reference);
      return { ...line, customFields };
    });
    const raw = await this.core.write(
      "AddOrder",
      toAddOrderParams({ ...order, lines }),
      addOrderResponseSchema,
    );
    return {
      orderId: raw.orderid,
      serviceIds: raw.serviceids,
      invoiceId: raw.invoiceid !== undefined && raw.invoiceid > 0 ? raw.invoiceid : null,
    };
  }

  /**
   * The client's order whose services carry `reference` (see `add`), or null when WHMCS has none.
   * Reads every service of the client (GetClientsProducts, paged), then the order (GetOrders).
   * When several orders carry it (placed outside the portal), the oldest is returned.
   * @throws WhmcsError
   */
  async findByReference(clientId: number, reference: string): Promise<BillingOrder | null> {
    const orderIds = new Set<number>();
    for (let start = 0; ; start += SERVICES_PAGE_SIZE) {
      const page = await this.core.read(
        "GetClientsProducts",
        { clientid: clientId, limitstart: start, limitnum: SERVICES_PAGE_SIZE },
        getClientsProductsResponseSchema,
      );
      for (const service of page.products) {
        const field = service.customfields.find((entry) => entry.name === this.referenceFieldName);
        if (field?.value.trim() === reference) orderIds.add(service.orderid);
      }
      if (page.products.length === 0 || start + page.products.length >= page.totalresults) break;
    }
    const [oldest] = [...orderIds].sort((a, b) => a - b);
    return oldest === undefined ? null : this.get(oldest);
  }

  /** The order with `orderId`, or null when WHMCS has none. @throws WhmcsError */
  async get(orderId: number): Promise<BillingOrder | null> {
    const raw = await this.core.read("GetOrders", { id: orderId }, getOrdersResponseSchema);
    const row = raw.orders.find((order) => order.id === orderId);
    return row ? this.core.map("GetOrders", () => toBillingOrder(row)) : null;
  }

  /**
   * The client's orders, newest first, optionally of one status; at most `limit` (default 25).
   * @throws WhmcsError
   */
  async find(query: {
    clientId: number;
    status?: BillingOrderStatus;
    limit?: number;
  }): Promise<BillingOrder[]> {
    const raw = await this.core.read(
      "GetOrders",
      {
        userid: query.clientId,
        status: query.status && STATUS_FILTER[query.status],
        limitnum: query.limit ?? 25,
      },
      getOrdersResponseSchema,
    );
    return this.core.map("GetOrders", () => raw.orders.map(toBillingOrder));
  }

  /**
   * Accepts a pending order (AcceptOrder, sent once): it and its services become active. An order
   * already active counts as accepted, so a step that crashed after WHMCS accepted can run again.
   * @throws WhmcsError `rejected` when the order does not exist or is neither pending nor active
   */
  async accept(orderId: number): Promise<void> {
    try {
      await this.core.write("AcceptOrder", { orderid: orderId }, acceptOrderResponseSchema);
    } catch (error) {
      const refusedAsNotPending =
        error instanceof WhmcsError &&
        error.kind === "rejected" &&
        error.vendorMessage?.trim().toLowerCase() === NOT_PENDING;
      if (!refusedAsNotPending) throw error;
      const order = await this.get(orderId);
      if (order?.status !== "active") throw error;
    }
  }

  /** Product id → id of its reference custom field, for the products that have one. */
  private async referenceFieldIds(productIds: readonly number[]): Promise<Map<number, number>> {
    const raw = await this.core.read(
      "GetProducts",
      { pid: [...new Set(productIds)].join(",") },
      getProductsResponseSchema,
    );
    const ids = new Map<number, number>();
    for (const product of raw.products) {
      const field = product.customfields.find((entry) => entry.name === this.referenceFieldName);
      if (field) ids.set(product.pid, field.id);
    }
    return ids;
  }
}
