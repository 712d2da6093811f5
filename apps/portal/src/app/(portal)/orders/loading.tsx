import { OrderListSkeleton } from "@/features/orders/components/order-list-skeleton";
import { OrdersHeader } from "@/features/orders/components/orders-header";

/** Shown while the order list segment loads. */
export default function OrdersLoading() {
  return (
    <>
      <OrdersHeader />
      <OrderListSkeleton />
    </>
  );
}
