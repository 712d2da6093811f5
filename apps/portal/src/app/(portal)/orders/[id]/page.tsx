import { type Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { OrderDetail } from "@/features/orders/components/order-detail";
import { ORDER_PLACED_PARAM, parseOrderRouteId } from "@/features/orders/navigation/order-paths";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("order");
  return { title: t("metaTitle") };
}

/**
 * `/orders/[id]?placed=1`: one order (`placed`: just placed at checkout, the page thanks the
 * customer). An id no Salesforce Order can have is not found.
 */
export default async function OrderPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const id = parseOrderRouteId((await params).id);
  if (id === null) notFound();
  const placed = (await searchParams)[ORDER_PLACED_PARAM] === "1";
  return <OrderDetail id={id} placed={placed} />;
}
