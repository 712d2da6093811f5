import { CatalogHeader } from "@/features/catalog/components/catalog-header";
import { CatalogSkeleton } from "@/features/catalog/components/catalog-skeleton";

/** Shown while the sim catalog segment loads. */
export default function SimCatalogLoading() {
  return (
    <>
      <CatalogHeader category="sim" />
      <CatalogSkeleton />
    </>
  );
}
