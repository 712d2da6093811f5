"use client";

import { useTranslations } from "next-intl";
import { FormField } from "@/components/ui/form-field";
import { Select } from "@/components/ui/select";
import {
  PLAN_TYPE_FILTERS,
  SIM_TYPE_FILTERS,
  type SimFilters,
} from "@/features/catalog/hooks/use-sim-filters";

/** The SIM page's filters: plan type, data size (of the sizes on offer) and SIM type (native selects). */
export function SimFiltersBar({
  filters,
  dataSizes,
  onChange,
}: {
  filters: SimFilters;
  dataSizes: readonly number[];
  onChange: (change: Partial<SimFilters>) => void;
}) {
  const t = useTranslations("catalog");
  return (
    <div className="grid grid-cols-1 gap-3 sm:grid-cols-3">
      <FormField label={t("filterPlanType")}>
        <Select
          value={filters.type}
          onChange={(event) => {
            const type = PLAN_TYPE_FILTERS.find((each) => each === event.target.value);
            if (type) onChange({ type });
          }}
        >
          {PLAN_TYPE_FILTERS.map((type) => (
            <option key={type} value={type}>
              {t(`planTypeFilter.${type}`)}
            </option>
          ))}
        </Select>
      </FormField>
      <FormField label={t("filterDataSize")}>
        <Select
          value={filters.data === null ? "all" : String(filters.data)}
          onChange={(event) =>
            onChange({ data: event.target.value === "all" ? null : Number(event.target.value) })
          }
        >
          <option value="all">{t("filterAnySize")}</option>
          {dataSizes.map((size) => (
            <option key={size} value={String(size)}>
              {t("dataSize", { size })}
            </option>
          ))}
        </Select>
      </FormField>
      <FormField label={t("filterSimType")}>
        <Select
          value={filters.sim}
          onChange={(event) => {
            const sim = SIM_TYPE_FILTERS.find((each) => each === event.target.value);
            if (sim) onChange({ sim });
          }}
        >
          {SIM_TYPE_FILTERS.map((simType) => (
            <option key={simType} value={simType}>
              {t(`simType.${simType}`)}
            </option>
          ))}
        </Select>
      </FormField>
    </div>
  );
}
