"use client";

import { RouteError } from "@/components/route-error";
import { CatalogHeader } from "@/features/catalog/components/catalog-header";

/** Error boundary of the sim catalog. */
export default function SimCatalogError({ retry }: { error: unknown; retry: () => void }) {
  return (
    <>
      <CatalogHeader category="sim" />
      <RouteError retry={retry} />
    </>
  );
}
