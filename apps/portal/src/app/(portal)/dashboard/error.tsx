"use client";

import { useTranslations } from "next-intl";
import { PageHeader } from "@/components/layout/page-header";
import { RouteError } from "@/components/route-error";

/** Error boundary of the dashboard. */
export default function DashboardError({ retry }: { error: unknown; retry: () => void }) {
  const t = useTranslations("dashboard");
  return (
    <>
      <PageHeader title={t("title")} />
      <RouteError retry={retry} />
    </>
  );
}
