import { describe, expect, it } from "vitest";
import { catalogSeed } from "../seed/catalog-seed.js";
import { demoId } from "../seed/demo-id.js";
import { SALESFORCE_STATE, type SalesforceState } from "./salesforce-state.js";

const SEED_DATE = "2026-03-01";

/** A version 6 state whose products carry what the version 6 seed wrote: English only. */
function version6State(): SalesforceState {
  const catalog = catalogSeed(SEED_DATE);
  const products = (catalog.Product2 ?? []).map((product) => {
    const { Name_En__c, Description_En__c, ...rest } = product;
    return { ...rest, Name: Name_En__c ?? null, Description: Description_En__c ?? null };
  });
  return {
    seedDate: SEED_DATE,
    records: { ...catalog, Product2: products },
    nextIdSequence: 1,
    idAliases: {},
    changeLog: { nextReplayId: 1, events: [], platformEvents: [] },
  };
}

describe("Salesforce state upgrade 6 → 7 (decision 0064)", () => {
  const upgrade = (state: SalesforceState) =>
    SALESFORCE_STATE.schema.parse(SALESFORCE_STATE.upgrades[6]?.(state)).records.Product2 ?? [];

  it("names the seeded products in Japanese and moves the English text to the new fields", () => {
    const router = upgrade(version6State()).find(
      (product) => product.StockKeepingUnit === "NET-ADDON-ROUTER",
    );
    expect(router).toMatchObject({
      Name: "Wi-Fi 6 ルーターレンタル",
      Name_En__c: "Wi-Fi 6 router rental",
      Description: "Wi-Fi 6 ルーターのレンタル。故障時は無償で交換します。",
      Description_En__c: "Rental Wi-Fi 6 router, replaced free of charge when it fails.",
    });
  });

  it("keeps a name edited since and leaves products the seed did not make as they are", () => {
    const state = version6State();
    const products = state.records.Product2 ?? [];
    const edited = { ...products[0], Id: demoId("01t", 1), Name: "Our own name" };
    const added = { ...products[1], Id: "01tXX0000000001AAA", Name: "Added by hand" };
    state.records.Product2 = [edited, added];
    const [first, second] = upgrade(state);
    expect(first).toMatchObject({ Name: "Our own name" });
    expect(first?.Name_En__c).toBeUndefined();
    expect(first?.Description_En__c).toBe(
      "Home 1G fibre (NTT line), IPv6 IPoE; bring your own router.",
    );
    expect(second).toEqual(added);
  });
});
