import { CatalogHeader } from "@/features/catalog/components/catalog-header";
import { CatalogSkeleton } from "@/features/catalog/components/catalog-skeleton";

/** Shown while the vpn catalog segment loads. */
export default function VpnCatalogLoading() {
  return (
    <>
      <CatalogHeader category="vpn" />
      <CatalogSkeleton />
    </>
  );
}
