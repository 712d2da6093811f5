import { OrderDetailSkeleton } from "@/features/orders/components/order-detail-skeleton";

/** Shown while an order segment loads. */
export default function OrderLoading() {
  return <OrderDetailSkeleton />;
}
