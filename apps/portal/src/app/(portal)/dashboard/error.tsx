"use client";

import { PageHeader } from "@/components/layout/page-header";
import { RouteError } from "@/components/route-error";

/** Error boundary of the dashboard. */
export default function DashboardError({ retry }: { error: unknown; retry: () => void }) {
  return (
    <>
      <PageHeader title="Welcome" />
      <RouteError retry={retry} />
    </>
  );
}
