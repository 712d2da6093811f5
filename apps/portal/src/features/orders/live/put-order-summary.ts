import { type OrderListPage, type OrderSummary } from "@portal/domain";
import { type QueryClient } from "@tanstack/react-query";
import { orderKeys } from "@/features/orders/api/order-keys";

/**
 * Puts the fresh `order` (from a live update) into the cached order lists: replaced in place on
 * every cached page that shows it; when none does (a new order), the lists are read again. When
 * set-up has just completed (neither `previous`, the cached detail, nor a cached list had it
 * activated), every query but the orders' is marked
 * stale and the ones on screen read again: activation makes services, and often an invoice.
 */
export function putOrderSummary(
  queryClient: QueryClient,
  order: OrderSummary,
  previous: Pick<OrderSummary, "activationStatus"> | null,
): void {
  let found = false;
  let wasActivated = previous?.activationStatus === "activated";
  queryClient.setQueriesData<OrderListPage>({ queryKey: orderKeys.lists() }, (page) => {
    const shown = page?.items.find((item) => item.id === order.id);
    if (!page || !shown) return page;
    found = true;
    wasActivated ||= shown.activationStatus === "activated";
    return { ...page, items: page.items.map((item) => (item.id === order.id ? order : item)) };
  });
  if (!found) void queryClient.invalidateQueries({ queryKey: orderKeys.lists() });
  if (order.activationStatus === "activated" && !wasActivated) {
    void queryClient.invalidateQueries({
      predicate: (query) => query.queryKey[0] !== orderKeys.all[0],
    });
  }
}
