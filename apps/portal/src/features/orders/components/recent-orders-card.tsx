"use client";

import { Package } from "lucide-react";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { QueryError } from "@/components/query-error";
import { CardDescription } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { CardLink, SummaryCard } from "@/features/account/components/summary-card";
import { CATALOG_PATH } from "@/features/catalog/navigation/catalog-paths";
import { OrderStatusBadges } from "@/features/orders/components/order-status-badges";
import { useOrderTitle } from "@/features/orders/components/use-order-title";
import { useAccountOrderEvents } from "@/features/orders/hooks/use-account-order-events";
import { useOrders } from "@/features/orders/hooks/use-orders";
import { ORDERS_PATH, orderPath } from "@/features/orders/navigation/order-paths";
import { useFormat } from "@/lib/format/use-format";

/** How many of the latest orders the dashboard shows. */
const RECENT_ORDERS = 3;

/**
 * The dashboard's orders card: the latest three orders (`GET /api/orders?pageSize=3`), each with
 * its title linking to it, the date placed and its status badges, and "See all orders"; without
 * orders, a word and the way to the plans. Loads on its own, so a slow order list never holds
 * up the rest of the dashboard. Follows the customer's orders live (decision 0071), so a status
 * changes here without a reload.
 */
export function RecentOrdersCard() {
  const t = useTranslations("dashboard");
  const format = useFormat();
  const title = useOrderTitle();
  const orders = useOrders({ page: 1, pageSize: RECENT_ORDERS });
  useAccountOrderEvents();
  const hasOrders = (orders.data?.items.length ?? 0) > 0;
  return (
    <SummaryCard
      icon={<Package aria-hidden="true" />}
      title={t("ordersTitle")}
      footer={
        hasOrders ? (
          <CardLink href={ORDERS_PATH}>{t("seeAllOrders")}</CardLink>
        ) : (
          <CardLink href={CATALOG_PATH}>{t("browsePlans")}</CardLink>
        )
      }
    >
      {orders.isPending ? (
        <Skeleton className="h-20 w-full" />
      ) : orders.isError ? (
        <QueryError
          title={t("ordersLoadFailed")}
          error={orders.error}
          onRetry={() => void orders.refetch()}
          retrying={orders.isFetching}
        />
      ) : hasOrders ? (
        <ul aria-label={t("ordersTitle")} className="flex flex-col divide-y">
          {orders.data.items.map((order) => (
            <li key={order.id} className="flex flex-col gap-1 py-2 first:pt-0 last:pb-0">
              <Link
                href={orderPath(order.id)}
                className="min-h-11 rounded-sm text-sm font-semibold break-words text-primary underline-offset-4 hover:underline sm:min-h-0"
              >
                {title(order)}
              </Link>
              <span className="text-xs text-muted-foreground">
                {t("orderPlacedOn", { date: format.dateTime(order.placedAt) })}
              </span>
              <OrderStatusBadges status={order.status} activationStatus={order.activationStatus} />
            </li>
          ))}
        </ul>
      ) : (
        <CardDescription>{t("noOrders")}</CardDescription>
      )}
    </SummaryCard>
  );
}
