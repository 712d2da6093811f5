"use client";

import { type CatalogItem, type OrderQuote } from "@portal/domain";
import { useTranslations } from "next-intl";
import { useCatalogLabels } from "@/features/catalog/components/use-catalog-labels";
import { OrderTotalsBlock } from "@/features/orders/components/order-totals";
import { useFormat } from "@/lib/format/use-format";

/** The lines of one billing cycle, each with its tax-excluded price. */
function Lines({ title, items }: { title: string; items: readonly CatalogItem[] }) {
  const labels = useCatalogLabels();
  const format = useFormat();
  if (items.length === 0) return null;
  const name = (item: CatalogItem) =>
    item.itemClass === "service"
      ? labels.planTitle(item)
      : item.itemClass === "add_on"
        ? format.text(item.name)
        : labels.feeName(item);
  return (
    <div className="flex flex-col gap-1.5">
      <p className="text-xs font-semibold tracking-wide text-muted-foreground uppercase">{title}</p>
      <ul className="flex flex-col gap-1">
        {items.map((item) => (
          <li key={item.id} className="flex justify-between gap-3">
            <span className="min-w-0 break-words">{name(item)}</span>
            <span className="shrink-0 tabular-nums">{format.money(item.price.taxExcluded)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * What the order comes to, from `quoteOrder` (the pricing the BFF uses): every line — the
 * plan, the options, the fees the catalog attaches — under monthly or one-time, tax excluded,
 * then each total with its tax and tax included.
 */
export function OrderSummary({ quote }: { quote: OrderQuote }) {
  const t = useTranslations("checkout");
  const items = quote.lines.map((line) => line.item);
  return (
    <div className="flex flex-col gap-4">
      <p className="text-xs text-muted-foreground">{t("linesTaxNote")}</p>
      <Lines
        title={t("monthlyLines")}
        items={items.filter((item) => item.price.billingCycle === "monthly")}
      />
      <Lines
        title={t("oneTimeLines")}
        items={items.filter((item) => item.price.billingCycle === "one_time")}
      />
      <OrderTotalsBlock totals={quote.totals} className="border-t pt-4" />
    </div>
  );
}
