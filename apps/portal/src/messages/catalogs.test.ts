import {
  PREFECTURES,
  errorCodeSchema,
  invoiceStatusSchema,
  serviceStatusSchema,
  paymentChannelSchema,
} from "@portal/domain";
import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import ja from "@/messages/ja.json";

type Catalog = { [key: string]: string | Catalog };

/** Every message of a catalog as `dotted.key → text`. */
function flatten(catalog: Catalog, prefix = ""): Map<string, string> {
  const entries = new Map<string, string>();
  for (const [key, value] of Object.entries(catalog)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") entries.set(path, value);
    else for (const [inner, text] of flatten(value, path)) entries.set(inner, text);
  }
  return entries;
}

/** The ICU arguments (`{name}`, `{count, plural, …}`) and rich-text tags (`<strong>`) of a message. */
function placeholders(message: string): string[] {
  const args = [...message.matchAll(/\{\s*([A-Za-z_]\w*)\s*[,}]/g)].map((match) => `{${match[1]}}`);
  const tags = [...message.matchAll(/<(\w+)>/g)].map((match) => `<${match[1]}>`);
  return [...new Set([...args, ...tags])].sort();
}

const catalogs = { ja: flatten(ja), en: flatten(en) };

describe("message catalogs", () => {
  it.each([
    ["ja", "en"],
    ["en", "ja"],
  ] as const)("every %s key exists in %s", (from, to) => {
    const missing = [...catalogs[from].keys()].filter((key) => !catalogs[to].has(key));
    expect(missing).toEqual([]);
  });

  it("has no empty message", () => {
    for (const catalog of Object.values(catalogs)) {
      const empty = [...catalog].filter(([, text]) => text.trim() === "").map(([key]) => key);
      expect(empty).toEqual([]);
    }
  });

  it("uses the same arguments and tags in both languages", () => {
    const differing = [...catalogs.en]
      .filter(([key, text]) => {
        const other = catalogs.ja.get(key);
        return other !== undefined && placeholders(other).join() !== placeholders(text).join();
      })
      .map(([key]) => key);
    expect(differing).toEqual([]);
  });

  it("has a message for every error code, invoice and service status, payment channel and prefecture of the domain", () => {
    const required = [
      ...errorCodeSchema.options.map((code) => `errors.codes.${code}`),
      ...invoiceStatusSchema.options.map((status) => `invoiceStatus.${status}`),
      ...serviceStatusSchema.options.map((status) => `serviceStatus.${status}`),
      ...paymentChannelSchema.options.map((channel) => `paymentChannel.${channel}`),
      ...PREFECTURES.map((prefecture) => `prefectures.${prefecture}`),
    ];
    for (const catalog of Object.values(catalogs)) {
      expect(required.filter((key) => !catalog.has(key))).toEqual([]);
    }
  });
});
