import { type CatalogPrice } from "@portal/domain";
import { useTranslations } from "next-intl";
import { cn } from "@/lib/cn";
import { useFormat } from "@/lib/format/use-format";

/**
 * A price as Japanese consumer pricing shows it: the tax-inclusive amount prominently (総額表示)
 * with "/month" for monthly items, the tax-exclusive amount beneath.
 */
export function CatalogPriceBlock({
  price,
  size = "md",
  className,
}: {
  price: CatalogPrice;
  size?: "md" | "lg";
  className?: string;
}) {
  const t = useTranslations("catalog");
  const format = useFormat();
  return (
    <div className={cn("flex flex-col", className)}>
      <p className="flex flex-wrap items-baseline gap-x-1">
        <span className={cn("font-bold tabular-nums", size === "lg" ? "text-3xl" : "text-base")}>
          {format.money(price.taxIncluded)}
        </span>
        <span className="text-sm text-muted-foreground">
          {price.billingCycle === "monthly" ? t("perMonthTaxIncluded") : t("taxIncluded")}
        </span>
      </p>
      <p className="text-xs text-muted-foreground tabular-nums">
        {t("taxExcluded", { amount: format.money(price.taxExcluded) })}
      </p>
    </div>
  );
}
