"use client";

import { ORDER_STREAM_EVENTS, type OrderDetail, orderSummarySchema } from "@portal/domain";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { orderKeys } from "@/features/orders/api/order-keys";
import { putOrderSummary } from "@/features/orders/live/put-order-summary";
import { followEventStream } from "@/lib/api/event-stream";

/** `/api` path of the live updates of all the customer's orders (decision 0071). */
export const ACCOUNT_ORDER_EVENTS_PATH = "/orders/events";

/**
 * Follows every order of the customer's live while mounted (the dashboard's orders card): each
 * `order` event replaces the order in the cached lists (or, for an order on none of them, has the
 * lists read again) and has a cached detail of it read again. After a lost connection the lists
 * are read again, since changes may have been missed.
 */
export function useAccountOrderEvents(): void {
  const queryClient = useQueryClient();
  useEffect(
    () =>
      followEventStream(ACCOUNT_ORDER_EVENTS_PATH, {
        events: {
          [ORDER_STREAM_EVENTS.order]: (data) => {
            const parsed = orderSummarySchema.safeParse(data);
            if (!parsed.success) return;
            const detailKey = orderKeys.detail(parsed.data.id);
            const before = queryClient.getQueryData<OrderDetail>(detailKey);
            putOrderSummary(queryClient, parsed.data, before ?? null);
            void queryClient.invalidateQueries({ queryKey: detailKey, exact: true });
          },
        },
        onReconnect: () => void queryClient.invalidateQueries({ queryKey: orderKeys.lists() }),
      }),
    [queryClient],
  );
}
