import { type CatalogCategory } from "@portal/domain";
import { ArrowLeft } from "lucide-react";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { PageHeader } from "@/components/layout/page-header";
import { CATALOG_PATH } from "@/features/catalog/navigation/catalog-paths";

/**
 * Header of a catalog page, shared with its loading and error states: the overview's, or a
 * category's with a link back to the overview.
 */
export function CatalogHeader({ category }: { category?: CatalogCategory }) {
  const t = useTranslations("catalog");
  if (!category) return <PageHeader title={t("title")} description={t("description")} />;
  return (
    <PageHeader
      before={
        <Link
          href={CATALOG_PATH}
          className="mb-1 inline-flex min-h-11 w-fit items-center gap-1.5 rounded-sm text-sm font-medium text-muted-foreground hover:text-foreground sm:min-h-0"
        >
          <ArrowLeft aria-hidden="true" className="size-4" />
          {t("back")}
        </Link>
      }
      title={t(`category.${category}.title`)}
      description={t(`category.${category}.description`)}
    />
  );
}
