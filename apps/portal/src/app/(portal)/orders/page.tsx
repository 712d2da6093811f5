import { type Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { OrderList } from "@/features/orders/components/order-list";
import { OrderListSkeleton } from "@/features/orders/components/order-list-skeleton";
import { OrdersHeader } from "@/features/orders/components/orders-header";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("orders");
  return { title: t("metaTitle") };
}

/** `/orders?page=`: the customer's orders, newest first. */
export default function OrdersPage() {
  return (
    <>
      <OrdersHeader />
      <Suspense fallback={<OrderListSkeleton />}>
        <OrderList />
      </Suspense>
    </>
  );
}
