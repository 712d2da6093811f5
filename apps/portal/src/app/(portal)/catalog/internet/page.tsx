import { type Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { CatalogHeader } from "@/features/catalog/components/catalog-header";
import { CatalogSkeleton } from "@/features/catalog/components/catalog-skeleton";
import { InternetCatalogView } from "@/features/catalog/components/internet-catalog-view";
import { ELIGIBILITY_ANCHOR } from "@/features/catalog/components/plan-card";
import { InternetEligibilityPanel } from "@/features/eligibility/components/internet-eligibility-panel";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("catalog");
  return { title: t("category.internet.title") };
}

/**
 * `/catalog/internet`: whether fibre can be ordered at the customer's address (ask, pending, the
 * answer), then the fibre plans of the portal price book — only the eligible offering type's once
 * there is an answer.
 */
export default function InternetCatalogPage() {
  return (
    <>
      <CatalogHeader category="internet" />
      <section id={ELIGIBILITY_ANCHOR} className="scroll-mt-20">
        <InternetEligibilityPanel />
      </section>
      <Suspense fallback={<CatalogSkeleton />}>
        <InternetCatalogView />
      </Suspense>
    </>
  );
}
