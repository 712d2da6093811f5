import { type Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { CatalogHeader } from "@/features/catalog/components/catalog-header";
import { CatalogOverview } from "@/features/catalog/components/catalog-overview";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("catalog");
  return { title: t("metaTitle") };
}

/** `/catalog`: the three product categories. */
export default function CatalogPage() {
  return (
    <>
      <CatalogHeader />
      <CatalogOverview />
    </>
  );
}
