import { useTranslations } from "next-intl";
import { SlowLoadingNotice } from "@/components/feedback/slow-loading-notice";
import { Skeleton } from "@/components/ui/skeleton";

/** Placeholder for a category's plan cards while they load. */
export function CatalogSkeleton() {
  const t = useTranslations("catalog");
  return (
    <div aria-busy="true" className="flex flex-col gap-4">
      <p className="sr-only" role="status">
        {t("loading")}
      </p>
      <SlowLoadingNotice />
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 xl:grid-cols-3">
        {Array.from({ length: 3 }, (_, card) => (
          <div key={card} className="flex flex-col gap-4 rounded-xl border bg-card p-6 shadow-sm">
            <Skeleton className="h-5 w-40" />
            <Skeleton className="h-9 w-32" />
            <Skeleton className="h-4 w-24" />
            <Skeleton className="h-16 w-full" />
            <Skeleton className="h-11 w-full" />
          </div>
        ))}
      </div>
    </div>
  );
}
