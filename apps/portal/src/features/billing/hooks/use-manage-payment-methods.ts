"use client";

import { useMutation } from "@tanstack/react-query";
import { createPaymentMethodsLink } from "@/features/billing/api/payment-methods-api";

/**
 * "Add or change payment method": asks the BFF for a one-time WHMCS link to the payment-methods
 * page and sends the browser there (cards and bank accounts are handled inside WHMCS; the customer
 * comes back through its "Back to portal" link, and the WHMCS webhook has refreshed the list).
 */
export function useManagePaymentMethods() {
  return useMutation({
    mutationFn: () => createPaymentMethodsLink(),
    onSuccess: ({ url }) => window.location.assign(url),
  });
}
