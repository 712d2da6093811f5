"use client";

import { type OrderTimelineEntry } from "@portal/domain";
import { useTranslations } from "next-intl";
import { useFormat } from "@/lib/format/use-format";

/** One step of the timeline in plain words: "Order placed", "Approved", "Set-up failed". */
function useTimelineText() {
  const t = useTranslations("order.timeline");
  return (entry: OrderTimelineEntry): string => {
    switch (entry.change) {
      case "created":
        return t("created");
      case "status":
        return entry.to ? t(`status.${entry.to}`) : t("statusChanged");
      case "activation_status":
        return entry.to ? t(`activation.${entry.to}`) : t("statusChanged");
    }
  };
}

/** The order's history, oldest first, each step with its time in Japan time. */
export function OrderTimeline({ entries }: { entries: readonly OrderTimelineEntry[] }) {
  const t = useTranslations("order");
  const format = useFormat();
  const text = useTimelineText();
  if (entries.length === 0) {
    return <p className="text-sm text-muted-foreground">{t("timelineEmpty")}</p>;
  }
  return (
    <ol className="flex flex-col gap-0">
      {entries.map((entry, index) => (
        <li
          key={`${entry.at}-${entry.change}-${index}`}
          className="relative flex flex-col gap-0.5 border-l-2 border-border pb-4 pl-5 last:pb-0"
        >
          <span
            aria-hidden="true"
            className="absolute top-1 -left-[7px] size-3 rounded-full border-2 border-card bg-primary"
          />
          <span className="text-sm font-medium">{text(entry)}</span>
          <time dateTime={entry.at} className="text-xs text-muted-foreground tabular-nums">
            {format.dateTime(entry.at)}
          </time>
        </li>
      ))}
    </ol>
  );
}
