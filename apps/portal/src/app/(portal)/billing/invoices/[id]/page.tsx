import { type Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { InvoiceDetail } from "@/features/billing/components/invoice-detail";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("invoice");
  return { title: t("metaTitle") };
}

/** `/billing/invoices/[id]`: one invoice. Ids that are not positive integers are not found. */
export default async function InvoicePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!/^[1-9]\d{0,15}$/.test(id)) notFound();
  return <InvoiceDetail id={Number(id)} />;
}
