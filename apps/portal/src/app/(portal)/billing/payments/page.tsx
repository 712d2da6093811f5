import { type Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PaymentMethodsOverview } from "@/features/billing/components/payment-methods-overview";
import { PaymentsHeader } from "@/features/billing/components/payments-header";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("payments");
  return { title: t("metaTitle") };
}

/** `/billing/payments`: the customer's payment methods and the payment options the shop accepts. */
export default function PaymentsPage() {
  return (
    <>
      <PaymentsHeader />
      <PaymentMethodsOverview />
    </>
  );
}
