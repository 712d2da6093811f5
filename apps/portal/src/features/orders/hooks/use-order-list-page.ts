"use client";

import { pageQuerySchema, type PageQuery } from "@portal/domain";
import { useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import { orderListPath } from "@/features/orders/navigation/order-paths";

/** Orders per page on the list. */
export const ORDER_PAGE_SIZE = 10;

/** The list's page in the URL (`?page=2`), tolerantly: a bad value is the first page. */
const orderPageSchema = pageQuerySchema.shape.page.catch(1);

/**
 * The order list's page as it lives in the URL, written back with `history.pushState` (Next.js
 * keeps `useSearchParams` in sync), so Back walks through pages and a reload keeps the page.
 */
export function useOrderListPage() {
  const searchParams = useSearchParams();
  const query: PageQuery = useMemo(
    () => ({
      page: orderPageSchema.parse(searchParams.get("page") ?? undefined),
      pageSize: ORDER_PAGE_SIZE,
    }),
    [searchParams],
  );
  const setPage = useCallback((page: number) => {
    window.history.pushState(null, "", orderListPath(page));
  }, []);
  return { query, setPage };
}
