"use client";

import { type OrderDetail } from "@portal/domain";
import { useTranslations } from "next-intl";
import { currentFulfilmentStep } from "@/features/orders/live/fulfilment-steps";

/**
 * A polite live region that tells screen-reader users where the order moved to while they were
 * on the page (`changed`: the order as the live update that changed its status carried it; null
 * before any). Always rendered, so the first change is announced too.
 */
export function OrderLiveAnnouncer({ changed }: { changed: OrderDetail | null }) {
  const t = useTranslations("order.fulfilment");
  return (
    <p role="status" aria-live="polite" aria-atomic="true" className="sr-only">
      {changed ? t("announcement", { step: t(`steps.${currentFulfilmentStep(changed)}`) }) : ""}
    </p>
  );
}
