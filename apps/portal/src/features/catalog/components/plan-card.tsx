"use client";

import { type CatalogItem } from "@portal/domain";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardContent, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { CatalogPriceBlock } from "@/features/catalog/components/catalog-price";
import { OneTimeFees } from "@/features/catalog/components/one-time-fees";
import { useCatalogLabels } from "@/features/catalog/components/use-catalog-labels";
import { checkoutPath } from "@/features/catalog/navigation/catalog-paths";
import { cn } from "@/lib/cn";
import { useFormat } from "@/lib/format/use-format";

/** One line of a plan's key facts ("Data: 5 GB"). */
export interface PlanFact {
  label: string;
  value: string;
}

/** Where a plan that cannot be ordered yet points: the availability check on its page. */
export const ELIGIBILITY_ANCHOR = "eligibility";

/**
 * A plan for comparison at a glance: its title, the monthly price (tax-inclusive, tax-exclusive
 * beneath), key facts (data, speed…), the one-time fees an order brings, and a "choose" link to
 * checkout with the plan's id — or, when not `orderable` (fibre before the address is eligible),
 * a link to the availability check. A `<li>` of a plan grid, labelled by its title.
 */
export function PlanCard({
  plan,
  facts,
  fees,
  orderable = true,
}: {
  plan: CatalogItem;
  facts: readonly PlanFact[];
  fees: readonly CatalogItem[];
  orderable?: boolean;
}) {
  const t = useTranslations("catalog");
  const labels = useCatalogLabels();
  const { text } = useFormat();
  const title = labels.planTitle(plan);
  const titleId = `plan-${plan.id}`;
  return (
    <li aria-labelledby={titleId} className="flex">
      <Card className="w-full">
        <CardHeader>
          <CardTitle as="h3" id={titleId}>
            {title}
          </CardTitle>
        </CardHeader>
        <CardContent className="flex flex-col gap-4">
          <CatalogPriceBlock price={plan.price} size="lg" />
          {facts.length > 0 ? (
            <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
              {facts.map((fact) => (
                <div key={fact.label} className="contents">
                  <dt className="text-muted-foreground">{fact.label}</dt>
                  <dd className="font-medium">{fact.value}</dd>
                </div>
              ))}
            </dl>
          ) : null}
          {plan.description ? (
            <p className="text-sm text-muted-foreground">{text(plan.description)}</p>
          ) : null}
          <OneTimeFees fees={fees} />
        </CardContent>
        <CardFooter>
          {orderable ? (
            <Link
              href={checkoutPath(plan)}
              className={cn(buttonVariants({ variant: "primary" }), "w-full")}
              aria-label={t("chooseLabel", { plan: title })}
            >
              {t("choose")}
            </Link>
          ) : (
            <a
              href={`#${ELIGIBILITY_ANCHOR}`}
              className={cn(buttonVariants({ variant: "outline" }), "w-full")}
            >
              {t("checkAvailabilityFirst")}
            </a>
          )}
        </CardFooter>
      </Card>
    </li>
  );
}

/** The grid plan cards sit in: one column at 360 px, up to three on wide screens. */
export function PlanGrid({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <ul aria-label={label} className="grid grid-cols-1 gap-4 sm:grid-cols-2 xl:grid-cols-3">
      {children}
    </ul>
  );
}
