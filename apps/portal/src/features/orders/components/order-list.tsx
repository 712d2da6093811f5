"use client";

import { type OrderSummary } from "@portal/domain";
import { PackageSearch } from "lucide-react";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { QueryError } from "@/components/query-error";
import { Pagination } from "@/components/pagination";
import { buttonVariants } from "@/components/ui/button";
import { CATALOG_PATH } from "@/features/catalog/navigation/catalog-paths";
import { OrderListSkeleton } from "@/features/orders/components/order-list-skeleton";
import { OrderStatusBadges } from "@/features/orders/components/order-status-badges";
import { useOrderTitle } from "@/features/orders/components/use-order-title";
import { useOrderListPage } from "@/features/orders/hooks/use-order-list-page";
import { useOrders } from "@/features/orders/hooks/use-orders";
import { orderListPath, orderPath } from "@/features/orders/navigation/order-paths";
import { cn } from "@/lib/cn";
import { useFormat } from "@/lib/format/use-format";

/**
 * One order as a card of the list: its title (the plan) linking to the order, number, category,
 * placed date, monthly and one-time totals tax included, and the status badges. The link covers
 * the card.
 */
export function OrderCard({ order }: { order: OrderSummary }) {
  const t = useTranslations("orders");
  const format = useFormat();
  const title = useOrderTitle();
  return (
    <li className="relative flex flex-col gap-2 rounded-xl border bg-card p-4 shadow-sm transition-colors hover:bg-muted/40">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <Link
          href={orderPath(order.id)}
          className="inline-flex min-h-11 min-w-0 items-center rounded-sm font-semibold break-words text-primary after:absolute after:inset-0 after:rounded-xl sm:min-h-0"
        >
          {title(order)}
        </Link>
        <OrderStatusBadges status={order.status} activationStatus={order.activationStatus} />
      </div>
      <p className="text-sm text-muted-foreground">
        {t("numberAndDate", { number: order.number, date: format.dateTime(order.placedAt) })}
      </p>
      <dl className="flex flex-wrap gap-x-6 gap-y-1 text-sm">
        <div className="flex gap-1.5">
          <dt className="text-muted-foreground">{t("monthly")}</dt>
          <dd className="font-medium tabular-nums">
            {format.money(order.totals.monthly.taxIncluded)}
          </dd>
        </div>
        <div className="flex gap-1.5">
          <dt className="text-muted-foreground">{t("oneTime")}</dt>
          <dd className="font-medium tabular-nums">
            {format.money(order.totals.oneTime.taxIncluded)}
          </dd>
        </div>
      </dl>
    </li>
  );
}

/**
 * The customer's orders, newest first, a page at a time (page in the URL); the page on screen
 * stays (dimmed) while the next loads. No orders: a word and the way to the plans; a page past
 * the end: the way to the last page.
 */
export function OrderList() {
  const { query, setPage } = useOrderListPage();
  const orders = useOrders(query);
  const t = useTranslations("orders");

  if (orders.isPending) return <OrderListSkeleton />;
  if (orders.isError) {
    return (
      <QueryError
        title={t("loadFailed")}
        error={orders.error}
        onRetry={() => void orders.refetch()}
        retrying={orders.isFetching}
      />
    );
  }

  const { items, page, totalPages } = orders.data;
  const loadingNext = orders.isPlaceholderData;
  if (items.length === 0) {
    const pastEnd = totalPages > 0 && page > totalPages;
    return (
      <div className="flex flex-col items-center gap-3 rounded-xl border border-dashed bg-card px-6 py-12 text-center">
        <PackageSearch aria-hidden="true" className="size-10 text-muted-foreground" />
        <h2 className="text-lg font-semibold">
          {pastEnd ? t("pastEndTitle", { page }) : t("emptyTitle")}
        </h2>
        <p className="max-w-sm text-sm text-muted-foreground">
          {pastEnd ? t("pastEndText", { last: totalPages }) : t("emptyText")}
        </p>
        <Link
          href={pastEnd ? orderListPath(totalPages) : CATALOG_PATH}
          className={buttonVariants({ variant: "outline", size: "sm" })}
        >
          {pastEnd ? t("pastEndLink", { last: totalPages }) : t("browsePlans")}
        </Link>
      </div>
    );
  }
  return (
    <div aria-busy={loadingNext} className={cn("transition-opacity", loadingNext && "opacity-60")}>
      <ul aria-label={t("listLabel")} className="flex flex-col gap-3">
        {items.map((order) => (
          <OrderCard key={order.id} order={order} />
        ))}
      </ul>
      {totalPages > 1 ? (
        <Pagination
          label={t("pagination")}
          page={page}
          totalPages={totalPages}
          busy={loadingNext}
          onPageChange={setPage}
        />
      ) : null}
    </div>
  );
}
