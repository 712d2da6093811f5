import { useTranslations } from "next-intl";
import { SlowLoadingNotice } from "@/components/feedback/slow-loading-notice";
import { Skeleton } from "@/components/ui/skeleton";

/** Placeholder for the order list (rows of cards) while it loads. */
export function OrderListSkeleton() {
  const t = useTranslations("orders");
  return (
    <div aria-busy="true" className="flex flex-col gap-3">
      <p className="sr-only" role="status">
        {t("loading")}
      </p>
      <SlowLoadingNotice />
      {Array.from({ length: 4 }, (_, row) => (
        <div key={row} className="flex flex-col gap-3 rounded-xl border bg-card p-4 shadow-sm">
          <div className="flex justify-between gap-4">
            <Skeleton className="h-5 w-48" />
            <Skeleton className="h-5 w-24 rounded-full" />
          </div>
          <Skeleton className="h-4 w-64" />
        </div>
      ))}
    </div>
  );
}
