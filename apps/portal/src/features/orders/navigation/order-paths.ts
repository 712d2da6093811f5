import { orderParamsSchema } from "@portal/domain";

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

/**
 * The order id of an `/orders/[id]` URL segment, or `null` when no Salesforce Order can have it:
 * the domain's rule for order ids (`orderParamsSchema`), so an id the BFF would refuse with 400
 * is simply "not found".
 */
export function parseOrderRouteId(segment: string): string | null {
  const parsed = orderParamsSchema.safeParse({ id: decodeURIComponent(segment) });
  return parsed.success ? parsed.data.id : null;
}
