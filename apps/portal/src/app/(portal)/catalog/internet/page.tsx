import { type Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { CatalogHeader } from "@/features/catalog/components/catalog-header";
import { CatalogSkeleton } from "@/features/catalog/components/catalog-skeleton";
import { InternetCatalogView } from "@/features/catalog/components/internet-catalog-view";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("catalog");
  return { title: t("category.internet.title") };
}

/** `/catalog/internet`: the fibre plans of the portal price book. */
export default function InternetCatalogPage() {
  return (
    <>
      <CatalogHeader category="internet" />
      <Suspense fallback={<CatalogSkeleton />}>
        <InternetCatalogView />
      </Suspense>
    </>
  );
}
