import { describe, expect, it } from "vitest";
import { resolveLocale } from "@/i18n/resolve-locale";

describe("resolveLocale", () => {
  it("is Japanese for a first visit without Accept-Language", () => {
    expect(resolveLocale({ cookie: undefined, acceptLanguage: null })).toBe("ja");
  });

  it.each([
    ["en-US,en;q=0.9", "en"],
    ["en-GB", "en"],
    ["ja-JP,ja;q=0.9,en;q=0.8", "ja"],
    ["fr-FR,en;q=0.5,ja;q=0.4", "en"],
    ["fr-FR,ja;q=0.8,en;q=0.5", "ja"],
    ["fr-FR,de;q=0.9", "ja"],
    ["*", "ja"],
    ["", "ja"],
  ])("negotiates Accept-Language %j to %j", (acceptLanguage, expected) => {
    expect(resolveLocale({ cookie: undefined, acceptLanguage })).toBe(expected);
  });

  it("prefers the remembered choice over the browser's languages", () => {
    expect(resolveLocale({ cookie: "en", acceptLanguage: "ja-JP" })).toBe("en");
    expect(resolveLocale({ cookie: "ja", acceptLanguage: "en-US" })).toBe("ja");
  });

  it("ignores a cookie that is not a portal locale", () => {
    expect(resolveLocale({ cookie: "fr", acceptLanguage: "en-US" })).toBe("en");
    expect(resolveLocale({ cookie: "", acceptLanguage: null })).toBe("ja");
  });
});
