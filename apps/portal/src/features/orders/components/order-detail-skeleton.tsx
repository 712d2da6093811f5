import { useTranslations } from "next-intl";
import { SlowLoadingNotice } from "@/components/feedback/slow-loading-notice";
import { PageHeader } from "@/components/layout/page-header";
import { Card, CardContent, CardHeader } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { BackToOrders } from "@/features/orders/components/back-to-orders";

/** The order page while it loads: the real header, then placeholder sections. */
export function OrderDetailSkeleton() {
  const t = useTranslations("order");
  return (
    <div aria-busy="true">
      <PageHeader
        before={<BackToOrders />}
        title={t("title")}
        description={<Skeleton className="h-5 w-56" />}
      />
      <p className="sr-only" role="status">
        {t("loading")}
      </p>
      <SlowLoadingNotice />
      <div className="grid gap-5 lg:grid-cols-[1fr_20rem]">
        <Card>
          <CardHeader>
            <Skeleton className="h-5 w-24" />
          </CardHeader>
          <CardContent className="flex flex-col gap-4">
            {[0, 1, 2].map((row) => (
              <div key={row} className="flex justify-between gap-4">
                <Skeleton className="h-4 w-48" />
                <Skeleton className="h-4 w-16" />
              </div>
            ))}
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <Skeleton className="h-5 w-20" />
          </CardHeader>
          <CardContent className="flex flex-col gap-3">
            <Skeleton className="h-4 w-full" />
            <Skeleton className="h-4 w-full" />
            <Skeleton className="h-8 w-32" />
          </CardContent>
        </Card>
      </div>
    </div>
  );
}
