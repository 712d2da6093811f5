"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { isApiClientError } from "@/lib/api/api-client-error";

/**
 * Retries a failed query once when the failure may be passing (server unreachable or 5xx);
 * client errors (401, 404, validation) would fail the same way again.
 */
function retryTransientOnce(failureCount: number, error: unknown): boolean {
  return failureCount < 1 && isApiClientError(error) && (error.status === 0 || error.status >= 500);
}

/**
 * Client-side providers of the whole app: one TanStack Query client per browser tab (created in
 * state so it survives re-renders but is never shared between server requests).
 */
export function Providers({ children }: { children: ReactNode }) {
  const [queryClient] = useState(
    () =>
      new QueryClient({
        defaultOptions: {
          queries: { staleTime: 30_000, retry: retryTransientOnce },
          mutations: { retry: false },
        },
      }),
  );
  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
}
