/** TanStack Query keys of the customer's payment methods (one overview: methods and gateways). */
export const paymentMethodKeys = {
  all: ["payment-methods"] as const,
  overview: () => [...paymentMethodKeys.all, "overview"] as const,
};
