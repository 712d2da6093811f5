"use client";

import { useTranslations } from "next-intl";
import { PageHeader } from "@/components/layout/page-header";
import { RouteError } from "@/components/route-error";
import { BackToInvoices } from "@/features/billing/components/back-to-invoices";

/** Error boundary of an invoice page. */
export default function InvoiceError({ retry }: { error: unknown; retry: () => void }) {
  const t = useTranslations("invoice");
  return (
    <>
      <PageHeader before={<BackToInvoices />} title={t("title")} />
      <RouteError retry={retry} />
    </>
  );
}
