import { type Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { CheckoutHeader } from "@/features/checkout/components/checkout-header";
import { CheckoutSkeleton } from "@/features/checkout/components/checkout-skeleton";
import { CheckoutView } from "@/features/checkout/components/checkout-view";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("checkout");
  return { title: t("metaTitle") };
}

/** `/checkout?plan=<PricebookEntry id>`: order one plan (decision 0051). */
export default function CheckoutPage() {
  return (
    <>
      <CheckoutHeader />
      <Suspense fallback={<CheckoutSkeleton />}>
        <CheckoutView />
      </Suspense>
    </>
  );
}
