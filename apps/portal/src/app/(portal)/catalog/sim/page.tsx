import { type Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { CatalogHeader } from "@/features/catalog/components/catalog-header";
import { CatalogSkeleton } from "@/features/catalog/components/catalog-skeleton";
import { SimCatalogView } from "@/features/catalog/components/sim-catalog-view";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("catalog");
  return { title: t("category.sim.title") };
}

/** `/catalog/sim`: the SIM plans of the portal price book. */
export default function SimCatalogPage() {
  return (
    <>
      <CatalogHeader category="sim" />
      <Suspense fallback={<CatalogSkeleton />}>
        <SimCatalogView />
      </Suspense>
    </>
  );
}
