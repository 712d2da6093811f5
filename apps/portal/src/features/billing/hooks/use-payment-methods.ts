"use client";

import { useQuery } from "@tanstack/react-query";
import { paymentMethodKeys } from "@/features/billing/api/payment-method-keys";
import { fetchPaymentMethods } from "@/features/billing/api/payment-methods-api";

/** The customer's saved payment methods and the gateways the shop accepts. */
export function usePaymentMethods() {
  return useQuery({
    queryKey: paymentMethodKeys.overview(),
    queryFn: ({ signal }) => fetchPaymentMethods(signal),
  });
}
