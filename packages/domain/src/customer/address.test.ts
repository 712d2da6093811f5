import { describe, expect, it } from "vitest";
import { addressSchema, postcodeSchema } from "./address.js";

describe("postcodeSchema", () => {
  it.each([
    ["150-0001", "150-0001"],
    ["1500001", "150-0001"],
    [" 150-0001 ", "150-0001"],
    ["１５００００１", "150-0001"],
    ["１５０－０００１", "150-0001"],
    ["150ー0001", "150-0001"],
    ["150‐0001", "150-0001"],
  ])("normalises %j to %j", (input, expected) => {
    expect(postcodeSchema.parse(input)).toBe(expected);
  });

  it.each(["", "150-001", "15000012", "1500-001", "abc-defg", "150 0001"])(
    "rejects %j",
    (input) => {
      const result = postcodeSchema.safeParse(input);
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.message).toMatch(/7-digit postcode/);
    },
  );
});

describe("addressSchema", () => {
  const valid = {
    postcode: "1500001",
    prefecture: "Tokyo",
    city: "Shibuya-ku",
    street: "Jingumae 1-2-3",
  };

  it("fills the building and the country, and normalises the postcode", () => {
    expect(addressSchema.parse(valid)).toEqual({
      postcode: "150-0001",
      prefecture: "Tokyo",
      city: "Shibuya-ku",
      street: "Jingumae 1-2-3",
      building: "",
      country: "JP",
    });
  });

  it("trims the free-text parts", () => {
    const parsed = addressSchema.parse({ ...valid, city: "  Shibuya-ku ", building: " Room 201 " });
    expect(parsed.city).toBe("Shibuya-ku");
    expect(parsed.building).toBe("Room 201");
  });

  it("names each bad field by its path", () => {
    const result = addressSchema.safeParse({
      postcode: "12",
      prefecture: "Tokio",
      city: "   ",
      country: "US",
    });
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((issue) => issue.path.join(".")).sort();
    expect(paths).toEqual(["city", "country", "postcode", "prefecture", "street"]);
  });

  it("says to choose a prefecture for an unknown one", () => {
    const result = addressSchema.safeParse({ ...valid, prefecture: "Tokio" });
    expect(result.error?.issues[0]).toMatchObject({
      path: ["prefecture"],
      message: "Choose a prefecture",
    });
  });

  it("bounds the length of the street", () => {
    const result = addressSchema.safeParse({ ...valid, street: "x".repeat(201) });
    expect(result.error?.issues[0]).toMatchObject({
      path: ["street"],
      message: "Street is too long",
    });
  });
});
