import { addressSchema } from "@portal/domain";
import { describe, expect, it } from "vitest";
import { toEligibilityCase } from "./eligibility-case.js";

const address = addressSchema.parse({
  postcode: "1500001",
  prefecture: "Tokyo",
  city: "渋谷区",
  street: "神宮前1-2-3",
  building: "神宮前ハイツ101",
});

describe("toEligibilityCase", () => {
  it("opens a Portal Website Case of the Account and Contact naming the address, Japanese first", () => {
    const body = toEligibilityCase({
      accountId: "001DEMO00000002YDA",
      contactId: "003DEMO00000002YDA",
      customerNumber: "100002",
      address,
    });

    expect(body).toMatchObject({
      Origin: "Portal Website",
      Type: "Internet Eligibility",
      Status: "New",
      Priority: "Medium",
      AccountId: "001DEMO00000002YDA",
      ContactId: "003DEMO00000002YDA",
    });
    expect(body.Subject).toBe(
      "インターネット提供可否確認 / Internet eligibility check: 〒150-0001 東京都渋谷区神宮前1-2-3 神宮前ハイツ101",
    );
    const lines = body.Description.split("\n");
    expect(lines[0]).toMatch(/^ポータルから/);
    expect(lines).toContain("確認する住所: 〒150-0001 東京都渋谷区神宮前1-2-3 神宮前ハイツ101");
    expect(lines).toContain("お客様番号: 100002");
    expect(
      lines.indexOf("Address to check: 〒150-0001 東京都渋谷区神宮前1-2-3 神宮前ハイツ101"),
    ).toBeGreaterThan(
      lines.indexOf("確認する住所: 〒150-0001 東京都渋谷区神宮前1-2-3 神宮前ハイツ101"),
    );
  });

  it("leaves ContactId out when unknown and the building out when empty", () => {
    const body = toEligibilityCase({
      accountId: "001DEMO00000002YDA",
      contactId: null,
      customerNumber: "100002",
      address: { ...address, building: "" },
    });
    expect(body).not.toHaveProperty("ContactId");
    expect(body.Subject).toMatch(/〒150-0001 東京都渋谷区神宮前1-2-3$/);
  });

  it("keeps the Subject within Salesforce's 255 characters", () => {
    const body = toEligibilityCase({
      accountId: "001DEMO00000002YDA",
      contactId: null,
      customerNumber: "100002",
      address: { ...address, street: "あ".repeat(200), building: "い".repeat(200) },
    });
    expect(body.Subject).toHaveLength(255);
  });
});
