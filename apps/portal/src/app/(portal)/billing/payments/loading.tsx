import { PaymentMethodsSkeleton } from "@/features/billing/components/payment-methods-skeleton";
import { PaymentsHeader } from "@/features/billing/components/payments-header";

/** Shown while the payment-methods segment loads. */
export default function PaymentsLoading() {
  return (
    <>
      <PaymentsHeader />
      <PaymentMethodsSkeleton />
    </>
  );
}
