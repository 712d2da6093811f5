import { useTranslations } from "next-intl";
import { Skeleton } from "@/components/ui/skeleton";
import { SlowLoadingNotice } from "@/components/feedback/slow-loading-notice";

/** Placeholder for the invoice list (filter, rows, pager) while it loads. */
export function InvoiceListSkeleton() {
  const t = useTranslations("invoices");
  return (
    <div aria-busy="true" className="flex flex-col gap-4">
      <p className="sr-only" role="status">
        {t("loading")}
      </p>
      <SlowLoadingNotice />
      <div className="flex flex-col gap-1.5">
        <Skeleton className="h-4 w-12" />
        <Skeleton className="h-10 w-full sm:w-52" />
      </div>
      <div className="overflow-hidden rounded-xl border bg-card shadow-sm">
        <div className="h-10 border-b bg-muted/60" />
        {Array.from({ length: 6 }, (_, row) => (
          <div key={row} className="flex items-center gap-6 border-b px-4 py-3.5 last:border-0">
            <Skeleton className="h-4 w-32" />
            <Skeleton className="hidden h-4 w-20 sm:block" />
            <Skeleton className="hidden h-4 w-20 md:block" />
            <Skeleton className="ml-auto h-4 w-16" />
            <Skeleton className="h-5 w-16 rounded-full" />
          </div>
        ))}
      </div>
    </div>
  );
}
