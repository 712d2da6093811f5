"use client";

import { simPlanTypeSchema, simTypeSchema, type SimPlanType, type SimType } from "@portal/domain";
import { useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import { z } from "zod";

/**
 * The SIM page's filters as they live in the URL (`?type=voice&data=5&sim=esim`), parsed
 * tolerantly (a bad value falls back to its default): plan type (`all`, `voice`, `data`), data
 * size in GB (`null` = any), SIM type (physical card by default). Fields derive from the domain
 * schemas.
 */
export const simFiltersSchema = z.object({
  type: z.union([z.literal("all"), simPlanTypeSchema]).catch("all"),
  data: z.coerce.number().int().positive().nullable().catch(null),
  sim: simTypeSchema.catch("physical"),
});
export type SimFilters = z.infer<typeof simFiltersSchema>;

/** The filters in `search` (tolerant, see {@link simFiltersSchema}). */
export function parseSimFilters(search: { get(name: string): string | null }): SimFilters {
  return simFiltersSchema.parse({
    type: search.get("type") ?? undefined,
    data: search.get("data") ?? null,
    sim: search.get("sim") ?? undefined,
  });
}

/** Query string (without `?`) of `filters`, defaults left out. */
export function simFiltersSearch(filters: SimFilters): string {
  const search = new URLSearchParams();
  if (filters.type !== "all") search.set("type", filters.type);
  if (filters.data !== null) search.set("data", String(filters.data));
  if (filters.sim !== "physical") search.set("sim", filters.sim);
  return search.toString();
}

/**
 * Reads the SIM filters from the URL and writes changes back with `history.pushState`, so Back
 * walks through them and a shared link shows the same plans.
 */
export function useSimFilters() {
  const searchParams = useSearchParams();
  const filters = useMemo(() => parseSimFilters(searchParams), [searchParams]);
  const setFilters = useCallback(
    (change: Partial<SimFilters>) => {
      const search = simFiltersSearch({ ...filters, ...change });
      window.history.pushState(null, "", search ? `?${search}` : window.location.pathname);
    },
    [filters],
  );
  return { filters, setFilters };
}

/** The plan-type filter values, in menu order. */
export const PLAN_TYPE_FILTERS: readonly ("all" | SimPlanType)[] = ["all", "voice", "data"];
/** The SIM types, in menu order. */
export const SIM_TYPE_FILTERS: readonly SimType[] = simTypeSchema.options;
