"use client";

import { type PageQuery } from "@portal/domain";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { orderKeys } from "@/features/orders/api/order-keys";
import { fetchOrders } from "@/features/orders/api/orders-api";

/**
 * One page of the customer's orders, newest first. While another page loads, the previous one
 * stays on screen (`isPlaceholderData` is true meanwhile).
 */
export function useOrders(query: PageQuery) {
  return useQuery({
    queryKey: orderKeys.list(query),
    queryFn: ({ signal }) => fetchOrders(query, signal),
    placeholderData: keepPreviousData,
  });
}
