"use client";

import { type OrderSummary } from "@portal/domain";
import { useTranslations } from "next-intl";
import { useCallback } from "react";
import { useFormat } from "@/lib/format/use-format";

/**
 * An order's title as the customer reads it: the name of its plan and the kind of service
 * ("SIM and eSIM · Voice 5 GB"); without a plan line, the kind of service alone, and "Order
 * <number>" for an order of a kind the portal does not sell. The plan name is in the page's
 * language (decision 0064).
 */
export function useOrderTitle() {
  const t = useTranslations("orders");
  const category = useTranslations("catalog.category");
  const { text } = useFormat();
  return useCallback(
    (order: Pick<OrderSummary, "category" | "title" | "number">): string => {
      const kind = order.category ? category(`${order.category}.title`) : null;
      const plan = order.title ? text(order.title) : null;
      if (kind && plan) return `${kind} · ${plan}`;
      return kind ?? plan ?? t("untitled", { number: order.number });
    },
    [t, category, text],
  );
}
