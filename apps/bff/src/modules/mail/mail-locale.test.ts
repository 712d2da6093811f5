import { describe, expect, it } from "vitest";
import { requestLocale } from "./mail-locale.js";

describe("requestLocale", () => {
  it("prefers the portal's NEXT_LOCALE cookie", () => {
    expect(requestLocale("en", "ja")).toBe("en");
    expect(requestLocale("ja", "en-GB")).toBe("ja");
  });

  it("else takes the best Accept-Language match by quality, then order", () => {
    expect(requestLocale(undefined, "en-GB,en;q=0.9,ja;q=0.5")).toBe("en");
    expect(requestLocale(undefined, "fr, en;q=0.4, ja;q=0.8")).toBe("ja");
    expect(requestLocale("de", "de-DE, en;q=0.1")).toBe("en");
    expect(requestLocale(undefined, "en;q=0, ja;q=0")).toBe("ja");
  });

  it("falls back to Japanese", () => {
    expect(requestLocale(undefined, undefined)).toBe("ja");
    expect(requestLocale(undefined, "fr-FR, de")).toBe("ja");
  });
});
