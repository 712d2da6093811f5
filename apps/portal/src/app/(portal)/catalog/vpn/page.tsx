import { type Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { CatalogHeader } from "@/features/catalog/components/catalog-header";
import { CatalogSkeleton } from "@/features/catalog/components/catalog-skeleton";
import { VpnCatalogView } from "@/features/catalog/components/vpn-catalog-view";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("catalog");
  return { title: t("category.vpn.title") };
}

/** `/catalog/vpn`: the VPN plans of the portal price book. */
export default function VpnCatalogPage() {
  return (
    <>
      <CatalogHeader category="vpn" />
      <Suspense fallback={<CatalogSkeleton />}>
        <VpnCatalogView />
      </Suspense>
    </>
  );
}
