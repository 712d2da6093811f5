import {
  orderDetailSchema,
  orderListPageSchema,
  type OrderDetail,
  type OrderListPage,
  type PageQuery,
  type PlaceOrderRequest,
} from "@portal/domain";
import { apiRequest } from "@/lib/api/client";

/**
 * `GET /api/orders?page=&pageSize=`: one page of the customer's orders, newest first.
 * @throws ApiClientError `VALIDATION_FAILED` (400), `UNAUTHENTICATED`, upstream errors (502/503).
 */
export function fetchOrders(query: PageQuery, signal?: AbortSignal): Promise<OrderListPage> {
  const search = new URLSearchParams({
    page: String(query.page),
    pageSize: String(query.pageSize),
  });
  return apiRequest(`/orders?${search.toString()}`, { schema: orderListPageSchema, signal });
}

/**
 * `GET /api/orders/:id`: one order with its items, address snapshot, SIM details and timeline.
 * @throws ApiClientError `NOT_FOUND` (404: absent or another customer's), `UNAUTHENTICATED`,
 *   upstream errors.
 */
export function fetchOrder(id: string, signal?: AbortSignal): Promise<OrderDetail> {
  return apiRequest(`/orders/${encodeURIComponent(id)}`, { schema: orderDetailSchema, signal });
}

/**
 * `POST /api/orders` with `Idempotency-Key: idempotencyKey` (one per user action: a retry of the
 * same order sends the same key, so it is placed at most once): places the order, 201 with it.
 * @throws ApiClientError `PAYMENT_METHOD_REQUIRED`, `NOT_ELIGIBLE`, `PRODUCT_UNAVAILABLE` (409,
 *   `fields` naming the item), `VALIDATION_FAILED` (400, `fields`), `IDEMPOTENCY_KEY_IN_USE` (409),
 *   `IDEMPOTENCY_KEY_REUSED` (422), upstream errors (502/503: nothing was placed).
 */
export function placeOrder({
  order,
  idempotencyKey,
}: {
  order: PlaceOrderRequest;
  idempotencyKey: string;
}): Promise<OrderDetail> {
  return apiRequest("/orders", {
    method: "POST",
    body: order,
    schema: orderDetailSchema,
    idempotencyKey,
  });
}
