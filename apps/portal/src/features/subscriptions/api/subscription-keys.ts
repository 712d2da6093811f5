/** TanStack Query keys of the customer's services: `all` ⊃ `list()`, so fulfilment news drops them. */
export const subscriptionKeys = {
  all: ["subscriptions"] as const,
  list: () => [...subscriptionKeys.all, "list"] as const,
};
