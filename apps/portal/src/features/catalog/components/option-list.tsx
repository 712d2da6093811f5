"use client";

import { type CatalogItem } from "@portal/domain";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { CatalogPriceBlock } from "@/features/catalog/components/catalog-price";
import { useFormat } from "@/lib/format/use-format";

/**
 * A titled list of options (add-ons, voice options) with their prices; nothing when empty. Options
 * are chosen at checkout, so the list only informs.
 */
export function OptionList({
  title,
  description,
  options,
}: {
  title: string;
  description?: string;
  options: readonly CatalogItem[];
}) {
  const { text } = useFormat();
  if (options.length === 0) return null;
  return (
    <Card>
      <CardHeader>
        <CardTitle>{title}</CardTitle>
        {description ? <p className="text-sm text-muted-foreground">{description}</p> : null}
      </CardHeader>
      <CardContent>
        <ul className="flex flex-col divide-y">
          {options.map((option) => (
            <li
              key={option.id}
              className="flex flex-col gap-1 py-3 first:pt-0 last:pb-0 sm:flex-row sm:items-start sm:justify-between sm:gap-4"
            >
              <div className="flex flex-col">
                <span className="font-medium">{text(option.name)}</span>
                {option.description ? (
                  <span className="text-sm text-muted-foreground">{text(option.description)}</span>
                ) : null}
              </div>
              <CatalogPriceBlock price={option.price} className="shrink-0 sm:items-end" />
            </li>
          ))}
        </ul>
      </CardContent>
    </Card>
  );
}
