"use client";

import { type OrderSummary } from "@portal/domain";
import { useTranslations } from "next-intl";
import { useCallback } from "react";

/**
 * An order's title as the customer reads it: the name of its plan and the kind of service
 * ("SIM and eSIM · Voice 5 GB"); without a plan line, the kind of service alone, and "Order
 * <number>" for an order of a kind the portal does not sell.
 */
export function useOrderTitle() {
  const t = useTranslations("orders");
  const category = useTranslations("catalog.category");
  return useCallback(
    (order: Pick<OrderSummary, "category" | "title" | "number">): string => {
      const kind = order.category ? category(`${order.category}.title`) : null;
      if (kind && order.title) return `${kind} · ${order.title}`;
      return kind ?? order.title ?? t("untitled", { number: order.number });
    },
    [t, category],
  );
}
