"use client";

import { RouteError } from "@/components/route-error";
import { CatalogHeader } from "@/features/catalog/components/catalog-header";

/** Error boundary of the vpn catalog. */
export default function VpnCatalogError({ retry }: { error: unknown; retry: () => void }) {
  return (
    <>
      <CatalogHeader category="vpn" />
      <RouteError retry={retry} />
    </>
  );
}
