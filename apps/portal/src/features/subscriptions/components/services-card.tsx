"use client";

import { type Subscription } from "@portal/domain";
import { Wifi } from "lucide-react";
import { useTranslations } from "next-intl";
import { QueryError } from "@/components/query-error";
import { CardDescription } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { CardLink, SummaryCard } from "@/features/account/components/summary-card";
import { CATALOG_PATH } from "@/features/catalog/navigation/catalog-paths";
import { ServiceStatusBadge } from "@/features/subscriptions/components/service-status-badge";
import { useSubscriptions } from "@/features/subscriptions/hooks/use-subscriptions";
import { useFormat } from "@/lib/format/use-format";

/** How many services the card lists before it says how many more there are. */
const LISTED = 4;

/** Services the customer has or is about to have: the card leaves ended ones out. */
function isCurrent(subscription: Subscription): boolean {
  return (
    subscription.status === "pending" ||
    subscription.status === "active" ||
    subscription.status === "suspended"
  );
}

/**
 * The dashboard's services card (`GET /api/subscriptions`): the customer's current services —
 * pending, active, suspended — each with its name, status, monthly amount including tax and the
 * date it started; without any, a word and the way to the plans. Loads on its own, so a slow
 * WHMCS never holds up the rest of the dashboard.
 */
export function ServicesCard() {
  const t = useTranslations("dashboard");
  const format = useFormat();
  const subscriptions = useSubscriptions();
  const current = subscriptions.data?.items.filter(isCurrent) ?? [];
  return (
    <SummaryCard
      icon={<Wifi aria-hidden="true" />}
      title={t("servicesTitle")}
      footer={
        current.length === 0 && subscriptions.isSuccess ? (
          <CardLink href={CATALOG_PATH}>{t("browsePlans")}</CardLink>
        ) : undefined
      }
    >
      {subscriptions.isPending ? (
        <Skeleton className="h-20 w-full" />
      ) : subscriptions.isError ? (
        <QueryError
          title={t("servicesLoadFailed")}
          error={subscriptions.error}
          onRetry={() => void subscriptions.refetch()}
          retrying={subscriptions.isFetching}
        />
      ) : current.length > 0 ? (
        <>
          <ul aria-label={t("servicesTitle")} className="flex flex-col divide-y">
            {current.slice(0, LISTED).map((subscription) => (
              <li key={subscription.id} className="flex flex-col gap-1 py-2 first:pt-0 last:pb-0">
                <span className="text-sm font-semibold break-words">
                  {format.text(subscription.name)}
                </span>
                <span className="text-xs text-muted-foreground">
                  {subscription.recurring
                    ? t("servicePerCycle", {
                        amount: format.money(subscription.recurring.taxIncluded),
                        cycle: subscription.billingCycle,
                      })
                    : null}
                  {subscription.recurring && subscription.startedOn ? " · " : null}
                  {subscription.startedOn
                    ? t("serviceSince", { date: format.date(subscription.startedOn) })
                    : null}
                </span>
                <ServiceStatusBadge status={subscription.status} />
              </li>
            ))}
          </ul>
          {current.length > LISTED ? (
            <CardDescription>
              {t("moreServices", { count: current.length - LISTED })}
            </CardDescription>
          ) : null}
        </>
      ) : (
        <CardDescription>{t("noServices")}</CardDescription>
      )}
    </SummaryCard>
  );
}
