"use client";

import {
  ORDER_STREAM_EVENTS,
  type OrderDetail,
  orderDetailSchema,
  orderSummarySchema,
} from "@portal/domain";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { orderKeys } from "@/features/orders/api/order-keys";
import { putOrderSummary } from "@/features/orders/live/put-order-summary";
import { followEventStream } from "@/lib/api/event-stream";

/** `/api` path of one order's live updates (`GET /api/orders/:id/events`, decision 0071). */
export function orderEventsPath(id: string): string {
  return `/orders/${encodeURIComponent(id)}/events`;
}

/**
 * Follows order `id` live while `enabled` (the page shows it and it can still change): every
 * `order` event replaces the cached order (`orderKeys.detail(id)`) and its entry in the cached
 * lists, so the page moves without a reload. Returns the order as the last event that changed
 * its status or activation status carried it (null until one did), for the page to announce.
 */
export function useOrderEvents(id: string, enabled: boolean): OrderDetail | null {
  const queryClient = useQueryClient();
  const [changed, setChanged] = useState<OrderDetail | null>(null);
  useEffect(() => {
    if (!enabled) return;
    return followEventStream(orderEventsPath(id), {
      events: {
        [ORDER_STREAM_EVENTS.order]: (data) => {
          const parsed = orderDetailSchema.safeParse(data);
          if (!parsed.success) return;
          const order = parsed.data;
          const before = queryClient.getQueryData<OrderDetail>(orderKeys.detail(id));
          queryClient.setQueryData(orderKeys.detail(id), order);
          putOrderSummary(queryClient, orderSummarySchema.parse(order), before ?? null);
          if (
            before &&
            (before.status !== order.status || before.activationStatus !== order.activationStatus)
          ) {
            setChanged(order);
          }
        },
      },
    });
  }, [id, enabled, queryClient]);
  return changed;
}
