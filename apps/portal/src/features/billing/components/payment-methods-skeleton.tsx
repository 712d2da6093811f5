import { useTranslations } from "next-intl";
import { SlowLoadingNotice } from "@/components/feedback/slow-loading-notice";
import { Skeleton } from "@/components/ui/skeleton";

/** Placeholder for the payment methods and gateways while they load. */
export function PaymentMethodsSkeleton() {
  const t = useTranslations("payments");
  return (
    <div aria-busy="true" className="flex flex-col gap-4">
      <p className="sr-only" role="status">
        {t("loading")}
      </p>
      <SlowLoadingNotice />
      {Array.from({ length: 2 }, (_, row) => (
        <div key={row} className="flex items-start gap-3 rounded-xl border bg-card p-4">
          <Skeleton className="size-6" />
          <div className="flex flex-1 flex-col gap-2">
            <Skeleton className="h-4 w-40" />
            <Skeleton className="h-4 w-24" />
          </div>
        </div>
      ))}
      <Skeleton className="h-10 w-56" />
    </div>
  );
}
