"use client";

import { useQuery } from "@tanstack/react-query";
import { subscriptionKeys } from "@/features/subscriptions/api/subscription-keys";
import { fetchSubscriptions } from "@/features/subscriptions/api/subscriptions-api";

/** The customer's services (`GET /api/subscriptions`), current ones first. */
export function useSubscriptions() {
  return useQuery({
    queryKey: subscriptionKeys.list(),
    queryFn: ({ signal }) => fetchSubscriptions(signal),
  });
}
