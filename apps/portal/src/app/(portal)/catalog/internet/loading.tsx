import { CatalogHeader } from "@/features/catalog/components/catalog-header";
import { CatalogSkeleton } from "@/features/catalog/components/catalog-skeleton";

/** Shown while the internet catalog segment loads. */
export default function InternetCatalogLoading() {
  return (
    <>
      <CatalogHeader category="internet" />
      <CatalogSkeleton />
    </>
  );
}
