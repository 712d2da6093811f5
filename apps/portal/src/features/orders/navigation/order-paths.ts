/** Path of the order list. */
export const ORDERS_PATH = "/orders";

/** Query flag on an order's page right after checkout: the page thanks the customer. */
export const ORDER_PLACED_PARAM = "placed";

/** The order list at `page` (1-based; the first page has no query). */
export function orderListPath(page: number): string {
  return page > 1 ? `${ORDERS_PATH}?page=${page}` : ORDERS_PATH;
}

/**
 * An order's page, `/orders/801…`; `placed` adds `?placed=1`, which shows the "order placed"
 * notice once checkout has sent the customer there.
 */
export function orderPath(id: string, { placed = false }: { placed?: boolean } = {}): string {
  const path = `${ORDERS_PATH}/${encodeURIComponent(id)}`;
  return placed ? `${path}?${ORDER_PLACED_PARAM}=1` : path;
}

/** A Salesforce record id: 15 characters, or 18 with the case-safe suffix. */
const SALESFORCE_ID = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;

/**
 * The order id of an `/orders/[id]` URL segment, or `null` when no Salesforce Order can have it,
 * so a mistyped link is simply "not found" without asking the BFF.
 */
export function parseOrderRouteId(segment: string): string | null {
  const id = decodeURIComponent(segment);
  return SALESFORCE_ID.test(id) ? id : null;
}
