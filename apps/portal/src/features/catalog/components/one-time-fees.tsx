"use client";

import { type CatalogItem, CATALOG_CURRENCY, sumMoney } from "@portal/domain";
import { useTranslations } from "next-intl";
import { useCatalogLabels } from "@/features/catalog/components/use-catalog-labels";
import { useFormat } from "@/lib/format/use-format";

/** The one-time fees an order of a plan brings, each tax-inclusive, and their total. */
export function OneTimeFees({ fees }: { fees: readonly CatalogItem[] }) {
  const t = useTranslations("catalog");
  const format = useFormat();
  const labels = useCatalogLabels();
  if (fees.length === 0) return null;
  const total = sumMoney(
    fees.map((fee) => fee.price.taxIncluded),
    CATALOG_CURRENCY,
  );
  return (
    <div className="flex flex-col gap-1 rounded-lg bg-muted/60 p-3 text-sm">
      <p className="flex justify-between gap-2 font-medium">
        <span>{t("oneTimeFees")}</span>
        <span className="tabular-nums">{format.money(total)}</span>
      </p>
      <ul className="flex flex-col gap-0.5 text-xs text-muted-foreground">
        {fees.map((fee) => (
          <li key={fee.id} className="flex justify-between gap-2">
            <span>{labels.feeName(fee)}</span>
            <span className="tabular-nums">{format.money(fee.price.taxIncluded)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
