"use client";

import { type PlaceOrderRequest } from "@portal/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRef } from "react";
import { orderKeys } from "@/features/orders/api/order-keys";
import { placeOrder } from "@/features/orders/api/orders-api";
import { idempotencyKeyFor } from "@/lib/api/idempotency-key";

/**
 * Places an order (`POST /api/orders`). One `Idempotency-Key` per user action: pressing "Place
 * order" again after a failure with the same order (a re-click, "try again" after a timeout)
 * sends the same key, so an order the BFF did create while the answer was lost is returned,
 * not placed twice; a changed order is a new action with a new key (the BFF refuses one key
 * for two bodies, 422). The BFF stores only successes, so the same key after a refusal runs
 * the order again. On success the order is cached for its page and the order lists are dropped.
 */
export function usePlaceOrder() {
  const queryClient = useQueryClient();
  const attempt = useRef<{ body: string; key: string } | null>(null);

  const keyFor = (order: PlaceOrderRequest): string => {
    const body = JSON.stringify(order);
    if (attempt.current?.body !== body) {
      attempt.current = { body, key: idempotencyKeyFor({}) };
    }
    return attempt.current.key;
  };

  return useMutation({
    mutationFn: (order: PlaceOrderRequest) => placeOrder({ order, idempotencyKey: keyFor(order) }),
    onSuccess: (order) => {
      attempt.current = null;
      queryClient.setQueryData(orderKeys.detail(order.id), order);
      void queryClient.invalidateQueries({ queryKey: orderKeys.lists() });
    },
  });
}
