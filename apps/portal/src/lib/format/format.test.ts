import { describe, expect, it } from "vitest";
import { formatAddressLines } from "@/lib/format/address";
import { formatDate, formatDateTime } from "@/lib/format/date";
import { formatMoney } from "@/lib/format/money";
import {
  formatGreetingName,
  formatNameReading,
  formatPersonName,
  formatPersonNameWithReading,
} from "@/lib/format/person-name";
import { formatPostcode } from "@/lib/format/postcode";

describe("formatDate", () => {
  it("writes calendar dates the Japanese and the English way", () => {
    expect(formatDate("2026-12-01", "ja")).toBe("2026年12月1日");
    expect(formatDate("2026-12-01", "en")).toBe("1 Dec 2026");
  });

  it("keeps the day whatever the time zone", () => {
    expect(formatDate("2026-01-31", "ja")).toBe("2026年1月31日");
  });

  it("returns text that is not a date as is", () => {
    expect(formatDate("soon", "en")).toBe("soon");
  });
});

describe("formatDateTime", () => {
  it("shows instants in Japan time", () => {
    expect(formatDateTime("2026-11-30T20:05:00Z", "ja")).toBe("2026年12月1日 05:05");
    expect(formatDateTime("2026-11-30T20:05:00Z", "en")).toBe("1 Dec 2026, 05:05");
  });
});

describe("formatMoney", () => {
  it("writes yen as 円 in Japanese and with ¥ in English", () => {
    expect(formatMoney({ amount: 11660, currency: "JPY" }, "ja")).toBe("11,660円");
    expect(formatMoney({ amount: 11660, currency: "JPY" }, "en")).toBe("¥11,660");
  });

  it("divides other currencies by their minor unit", () => {
    expect(formatMoney({ amount: 1999, currency: "USD" }, "ja")).toBe("$19.99");
    expect(formatMoney({ amount: 1999, currency: "USD" }, "en")).toBe("$19.99");
  });
});

describe("names and addresses", () => {
  const name = { firstName: "Taro", lastName: "Yamada" };

  it("puts the family name first in Japanese", () => {
    expect(formatPersonName(name, "ja")).toBe("Yamada Taro");
    expect(formatPersonName(name, "en")).toBe("Taro Yamada");
  });

  it("adds the katakana reading in Japanese only, and only when there is one", () => {
    const yuki = {
      firstName: "由紀",
      lastName: "小林",
      lastNameKana: "コバヤシ",
      firstNameKana: "ユキ",
    };
    expect(formatPersonNameWithReading(yuki, "ja")).toBe("小林 由紀（コバヤシ ユキ）");
    expect(
      formatPersonNameWithReading({ ...yuki, firstName: "Yuki", lastName: "Kobayashi" }, "en"),
    ).toBe("Yuki Kobayashi");
    expect(
      formatPersonNameWithReading({ ...yuki, lastNameKana: "", firstNameKana: "" }, "ja"),
    ).toBe("小林 由紀");
    expect(formatNameReading(yuki)).toBe("コバヤシ ユキ");
    expect(formatNameReading(name)).toBe("");
  });

  it("greets by family name in Japanese and by given name in English", () => {
    expect(formatGreetingName(name, "ja")).toBe("Yamada");
    expect(formatGreetingName(name, "en")).toBe("Taro");
  });

  it("writes the postcode with the postal mark", () => {
    expect(formatPostcode("123-4567")).toBe("〒123-4567");
  });

  const address = {
    postcode: "150-0001",
    prefecture: "Tokyo" as const,
    city: "渋谷区",
    street: "神宮前1-2-3",
    building: "ポータルハイツ101",
  };

  it("orders an address from large to small in Japanese", () => {
    expect(formatAddressLines(address, "ja", "東京都")).toEqual([
      "〒150-0001",
      "東京都渋谷区 神宮前1-2-3",
      "ポータルハイツ101",
    ]);
  });

  it("orders an address from small to large in English", () => {
    expect(formatAddressLines({ ...address, building: "" }, "en", "Tokyo").slice(-2)).toEqual([
      "渋谷区",
      "Tokyo 150-0001",
    ]);
  });
});
