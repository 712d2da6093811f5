import { PackageOpen } from "lucide-react";
import { useTranslations } from "next-intl";

/** Shown when a category (or the filters' choice) has no plans. */
export function CatalogEmpty({ filtered = false }: { filtered?: boolean }) {
  const t = useTranslations("catalog");
  return (
    <div className="flex flex-col items-center gap-3 rounded-xl border border-dashed bg-card px-6 py-12 text-center">
      <PackageOpen aria-hidden="true" className="size-10 text-muted-foreground" />
      <h2 className="text-lg font-semibold">{filtered ? t("emptyFiltered") : t("emptyTitle")}</h2>
      <p className="max-w-sm text-sm text-muted-foreground">
        {filtered ? t("emptyFilteredText") : t("emptyText")}
      </p>
    </div>
  );
}
