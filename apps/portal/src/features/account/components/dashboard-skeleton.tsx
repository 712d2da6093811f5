import { useTranslations } from "next-intl";
import { PageHeader } from "@/components/layout/page-header";
import { Card, CardContent, CardHeader } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { SlowLoadingNotice } from "@/components/feedback/slow-loading-notice";

/** The dashboard while its summary loads: the real header, then placeholder cards. */
export function DashboardSkeleton() {
  const t = useTranslations("dashboard");
  return (
    <div aria-busy="true">
      <PageHeader title={t("title")} description={<Skeleton className="h-5 w-48" />} />
      <p className="sr-only" role="status">
        {t("loading")}
      </p>
      <SlowLoadingNotice />
      <div className="grid gap-5 md:grid-cols-2 xl:grid-cols-3">
        {[0, 1, 2].map((card) => (
          <Card key={card}>
            <CardHeader>
              <Skeleton className="h-5 w-32" />
            </CardHeader>
            <CardContent className="flex flex-col gap-3">
              <Skeleton className="h-9 w-28" />
              <Skeleton className="h-4 w-40" />
              <Skeleton className="h-4 w-24" />
            </CardContent>
          </Card>
        ))}
      </div>
    </div>
  );
}
