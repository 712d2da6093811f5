import { type OrderTotals, type TaxedTotal } from "@portal/domain";
import { useTranslations } from "next-intl";
import { useFormat } from "@/lib/format/use-format";
import { cn } from "@/lib/cn";

/** One total: tax excluded, the tax, and the tax-included amount (税込) in bold. */
function TaxedTotalRows({ title, total }: { title: string; total: TaxedTotal }) {
  const t = useTranslations("orderTotals");
  const format = useFormat();
  return (
    <div className="flex flex-col gap-1.5">
      <p className="font-medium">{title}</p>
      <dl className="flex flex-col gap-1 text-sm">
        <div className="flex justify-between gap-4">
          <dt className="text-muted-foreground">{t("taxExcluded")}</dt>
          <dd className="tabular-nums">{format.money(total.taxExcluded)}</dd>
        </div>
        <div className="flex justify-between gap-4">
          <dt className="text-muted-foreground">{t("tax")}</dt>
          <dd className="tabular-nums">{format.money(total.tax)}</dd>
        </div>
        <div className="flex justify-between gap-4 border-t pt-1.5 text-base font-semibold">
          <dt>{t("taxIncluded")}</dt>
          <dd className="tabular-nums">{format.money(total.taxIncluded)}</dd>
        </div>
      </dl>
    </div>
  );
}

/**
 * An order's totals as checkout quotes them and the order keeps them: the one-time charges
 * (fees) and the monthly charges, each tax excluded, tax, and tax included.
 */
export function OrderTotalsBlock({
  totals,
  className,
}: {
  totals: OrderTotals;
  className?: string;
}) {
  const t = useTranslations("orderTotals");
  return (
    <div className={cn("flex flex-col gap-4", className)}>
      <TaxedTotalRows title={t("oneTime")} total={totals.oneTime} />
      <TaxedTotalRows title={t("monthly")} total={totals.monthly} />
    </div>
  );
}
