import { describe, expect, it } from "vitest";
import { parseSimFilters, simFiltersSearch } from "@/features/catalog/hooks/use-sim-filters";

const parse = (query: string) => parseSimFilters(new URLSearchParams(query));

describe("SIM filters in the URL", () => {
  it("reads set filters and falls back to defaults for missing or bad ones", () => {
    expect(parse("type=voice&data=5&sim=esim")).toEqual({ type: "voice", data: 5, sim: "esim" });
    expect(parse("")).toEqual({ type: "all", data: null, sim: "physical" });
    expect(parse("type=fax&data=-3&sim=card")).toEqual({
      type: "all",
      data: null,
      sim: "physical",
    });
  });

  it("writes only what differs from the defaults", () => {
    expect(simFiltersSearch({ type: "all", data: null, sim: "physical" })).toBe("");
    expect(simFiltersSearch({ type: "data", data: 20, sim: "esim" })).toBe(
      "type=data&data=20&sim=esim",
    );
  });
});
