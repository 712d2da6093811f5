"use client";

import { RouteError } from "@/components/route-error";
import { CatalogHeader } from "@/features/catalog/components/catalog-header";

/** Error boundary of the internet catalog. */
export default function InternetCatalogError({ retry }: { error: unknown; retry: () => void }) {
  return (
    <>
      <CatalogHeader category="internet" />
      <RouteError retry={retry} />
    </>
  );
}
