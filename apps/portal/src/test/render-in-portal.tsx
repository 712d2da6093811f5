import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { cleanup, render, type RenderResult } from "@testing-library/react";
import { NextIntlClientProvider } from "next-intl";
import { type ReactElement } from "react";
import { afterEach } from "vitest";
import { catalogs } from "@/i18n/catalogs";
import { type AppLocale } from "@/i18n/locales";

// Testing Library unmounts after each test only when vitest globals are on; ours are not.
afterEach(cleanup);

/**
 * Renders `ui` as the portal would: the `locale`'s messages (Japanese by default, as the portal),
 * Tokyo time and a fresh TanStack Query client that never retries. `seed` puts query data in
 * place before the first render; seeded data never goes stale, so nothing is fetched. For
 * component tests in jsdom (files starting with `// @vitest-environment jsdom`).
 */
export function renderInPortal(
  ui: ReactElement,
  { locale = "ja", seed }: { locale?: AppLocale; seed?: (queryClient: QueryClient) => void } = {},
): RenderResult & { queryClient: QueryClient } {
  const queryClient = new QueryClient({
    defaultOptions: {
      queries: { retry: false, staleTime: Infinity },
      mutations: { retry: false },
    },
  });
  seed?.(queryClient);
  const result = render(
    <NextIntlClientProvider locale={locale} messages={catalogs[locale]} timeZone="Asia/Tokyo">
      <QueryClientProvider client={queryClient}>{ui}</QueryClientProvider>
    </NextIntlClientProvider>,
  );
  return { ...result, queryClient };
}
