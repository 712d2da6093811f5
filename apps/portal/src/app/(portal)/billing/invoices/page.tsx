import { type Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { InvoiceList } from "@/features/billing/components/invoice-list";
import { InvoiceListSkeleton } from "@/features/billing/components/invoice-list-skeleton";
import { InvoicesHeader } from "@/features/billing/components/invoices-header";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("invoices");
  return { title: t("metaTitle") };
}

/** `/billing/invoices?status=&page=`: the customer's invoices. */
export default function InvoicesPage() {
  return (
    <>
      <InvoicesHeader />
      <Suspense fallback={<InvoiceListSkeleton />}>
        <InvoiceList />
      </Suspense>
    </>
  );
}
