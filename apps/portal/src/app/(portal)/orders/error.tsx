"use client";

import { RouteError } from "@/components/route-error";
import { OrdersHeader } from "@/features/orders/components/orders-header";

/** Error boundary of the order list. */
export default function OrdersError({ retry }: { error: unknown; retry: () => void }) {
  return (
    <>
      <OrdersHeader />
      <RouteError retry={retry} />
    </>
  );
}
