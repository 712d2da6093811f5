"use client";

import { useQuery } from "@tanstack/react-query";
import { orderKeys } from "@/features/orders/api/order-keys";
import { fetchOrder } from "@/features/orders/api/orders-api";

/** One order with its items, address snapshot, SIM details and timeline. */
export function useOrder(id: string) {
  return useQuery({
    queryKey: orderKeys.detail(id),
    queryFn: ({ signal }) => fetchOrder(id, signal),
  });
}
