import { CheckoutHeader } from "@/features/checkout/components/checkout-header";
import { CheckoutSkeleton } from "@/features/checkout/components/checkout-skeleton";

/** Shown while the checkout segment loads. */
export default function CheckoutLoading() {
  return (
    <>
      <CheckoutHeader />
      <CheckoutSkeleton />
    </>
  );
}
