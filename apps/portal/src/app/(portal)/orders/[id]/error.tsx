"use client";

import { useTranslations } from "next-intl";
import { PageHeader } from "@/components/layout/page-header";
import { RouteError } from "@/components/route-error";
import { BackToOrders } from "@/features/orders/components/back-to-orders";

/** Error boundary of an order page. */
export default function OrderError({ retry }: { error: unknown; retry: () => void }) {
  const t = useTranslations("order");
  return (
    <>
      <PageHeader before={<BackToOrders />} title={t("title")} />
      <RouteError retry={retry} />
    </>
  );
}
