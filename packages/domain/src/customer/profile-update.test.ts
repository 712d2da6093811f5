import { describe, expect, it } from "vitest";
import { addressUpdateSchema, profileUpdateSchema } from "./profile-update.js";
import { postcodeLookupQuerySchema } from "./postcode-lookup.js";
import { prefectureFromJa, prefectureNameJa } from "./prefectures.js";

describe("profileUpdateSchema", () => {
  it("keeps only the fields sent, trimmed, phone normalised from full width", () => {
    expect(
      profileUpdateSchema.parse({ lastName: " 山田 ", phone: "０９０－１２３４－５６７８" }),
    ).toEqual({
      lastName: "山田",
      phone: "090-1234-5678",
    });
  });

  it("refuses an empty patch, an unknown field and the e-mail address", () => {
    expect(profileUpdateSchema.safeParse({}).success).toBe(false);
    expect(profileUpdateSchema.safeParse({ lastName: "山田", nickname: "x" }).success).toBe(false);
    const email = profileUpdateSchema.safeParse({ email: "a@example.com" });
    expect(email.error?.issues[0]?.path).toEqual(["email"]);
  });
});

describe("addressUpdateSchema", () => {
  it("normalises a full-width postcode with a long-vowel mark for the hyphen", () => {
    const address = addressUpdateSchema.parse({
      postcode: "１５０ー０００１",
      prefecture: "Tokyo",
      city: "渋谷区",
      street: "神宮前1-2-3",
    });
    expect(address).toMatchObject({ postcode: "150-0001", building: "", country: "JP" });
  });
});

describe("postcodeLookupQuerySchema", () => {
  it.each(["1500001", "150-0001", "１５００００１", "150−0001"])(
    "reads %s as 150-0001",
    (postcode) => {
      expect(postcodeLookupQuerySchema.parse({ postcode })).toEqual({ postcode: "150-0001" });
    },
  );

  it.each(["15000", "150-00011", "abc-defg", ""])("refuses %j", (postcode) => {
    expect(postcodeLookupQuerySchema.safeParse({ postcode }).success).toBe(false);
  });
});

describe("prefecture names", () => {
  it("maps Japanese names to the portal's prefectures and back", () => {
    expect(prefectureFromJa("東京都")).toBe("Tokyo");
    expect(prefectureFromJa("北海道")).toBe("Hokkaido");
    expect(prefectureFromJa("沖縄県")).toBe("Okinawa");
    expect(prefectureFromJa("東京")).toBeNull();
    expect(prefectureNameJa("Osaka")).toBe("大阪府");
  });
});
