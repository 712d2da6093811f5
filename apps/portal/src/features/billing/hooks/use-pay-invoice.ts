"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { createInvoicePaymentLink } from "@/features/billing/api/invoices-api";
import { invoiceKeys } from "@/features/billing/api/invoice-keys";
import { isApiClientError } from "@/lib/api/api-client-error";

/**
 * "Pay now": asks the BFF for a one-time WHMCS link to the invoice and sends the browser there
 * (paying happens inside WHMCS; the customer comes back through its "Back to portal" link).
 * When the BFF answers that the invoice is no longer payable (409) or gone (404), the invoice
 * is refetched so the page shows its real status.
 */
export function usePayInvoice(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => createInvoicePaymentLink(id),
    onSuccess: ({ url }) => window.location.assign(url),
    onError: (error) => {
      if (isApiClientError(error, "CONFLICT", "NOT_FOUND")) {
        void queryClient.invalidateQueries({ queryKey: invoiceKeys.detail(id) });
      }
    },
  });
}
