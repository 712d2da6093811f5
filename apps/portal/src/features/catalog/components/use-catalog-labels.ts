"use client";

import { type CatalogItem, type InternetOfferingType, type SimType } from "@portal/domain";
import { useTranslations } from "next-intl";
import { useMemo } from "react";
import { useFormat } from "@/lib/format/use-format";

/**
 * Localized names of catalog items built from their structured fields (plan type, data size,
 * offering type, tier, fee kind), so plans read in the page's language; items without such a
 * meaning (VPN plans, add-ons) show their Salesforce product name in the page's language
 * (decisions 0051, 0064).
 */
export function useCatalogLabels() {
  const t = useTranslations("catalog");
  const { text } = useFormat();
  return useMemo(
    () => ({
      offeringType: (offeringType: InternetOfferingType) => t(`offeringType.${offeringType}`),
      simType: (simType: SimType) => t(`simType.${simType}`),
      speed: (mbps: number) =>
        mbps >= 1_000 ? t("speedGbps", { value: mbps / 1_000 }) : t("speedMbps", { value: mbps }),
      /** A plan's title: "音声通話 5GB", "戸建て 1G スタンダード", or the product name. */
      planTitle: (plan: CatalogItem) => {
        if (plan.category === "sim" && plan.simPlanType && plan.dataSizeGb !== null) {
          return t(`simPlanTitle.${plan.simPlanType}`, { size: plan.dataSizeGb });
        }
        if (plan.category === "internet" && plan.offeringType && plan.planTier) {
          return `${t(`offeringType.${plan.offeringType}`)} ${t(`planTier.${plan.planTier}`)}`;
        }
        return text(plan.name);
      },
      /** A fee's name by its kind: contract fee, installation, SIM card or eSIM issue. */
      feeName: (fee: CatalogItem) => {
        if (fee.simType) return t(`simIssueFee.${fee.simType}`);
        if (fee.itemClass === "installation") return t("installationFee");
        if (fee.itemClass === "activation" && fee.category !== "vpn") return t("activationFee");
        return text(fee.name);
      },
    }),
    [t, text],
  );
}
