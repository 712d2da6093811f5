import { type Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { InvoiceDetail } from "@/features/billing/components/invoice-detail";
import { parseInvoiceRouteId } from "@/features/billing/navigation/invoice-paths";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("invoice");
  return { title: t("metaTitle") };
}

/**
 * `/billing/invoices/[id]?status=&page=`: one invoice (the query is the list position "Back to
 * invoices" returns to). An id no invoice can have (`parseInvoiceRouteId`) is not found.
 */
export default async function InvoicePage({ params }: { params: Promise<{ id: string }> }) {
  const id = parseInvoiceRouteId((await params).id);
  if (id === null) notFound();
  return <InvoiceDetail id={id} />;
}
