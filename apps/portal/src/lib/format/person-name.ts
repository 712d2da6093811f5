import { type AppLocale } from "@/i18n/locales";

/**
 * A customer's name as the portal holds it (WHMCS `firstname` / `lastname`), with the katakana
 * readings (furigana) when known — `""` or absent when none is on record.
 */
export interface PersonName {
  /** Given name. */
  firstName: string;
  /** Family name. */
  lastName: string;
  /** Reading of the family name in katakana (e.g. `ヤマダ`). */
  lastNameKana?: string;
  /** Reading of the given name in katakana (e.g. `タロウ`). */
  firstNameKana?: string;
}

/** Non-empty parts joined by a space. */
function joined(parts: readonly (string | undefined)[]): string {
  return parts
    .map((part) => part?.trim() ?? "")
    .filter((part) => part !== "")
    .join(" ");
}

/**
 * The full name in the language's order: family name first in Japanese (`Yamada Taro`, as
 * `山田 太郎` would be written), given name first in English (`Taro Yamada`).
 * Source: DESIGN.md §10.
 */
export function formatPersonName({ firstName, lastName }: PersonName, locale: AppLocale): string {
  return joined(locale === "ja" ? [lastName, firstName] : [firstName, lastName]);
}

/**
 * The katakana reading of the whole name, family name first as Japanese writes it
 * (`ヤマダ タロウ`), or `""` when none is on record.
 */
export function formatNameReading({ lastNameKana, firstNameKana }: PersonName): string {
  return joined([lastNameKana, firstNameKana]);
}

/**
 * The full name with its reading where a Japanese reader expects one: `小林 由紀（コバヤシ ユキ）`
 * in Japanese (the reading in full-width brackets, left out when unknown), the plain
 * `Yuki Kobayashi` in English. Source: issue 5 §1 "Japanese conventions".
 */
export function formatPersonNameWithReading(name: PersonName, locale: AppLocale): string {
  const full = formatPersonName(name, locale);
  const reading = formatNameReading(name);
  return locale === "ja" && reading !== "" ? `${full}（${reading}）` : full;
}

/**
 * The name a greeting uses: the family name in Japanese (`ようこそ、Yamada 様`), the given name in
 * English (`Welcome, Taro`), as each language addresses a customer.
 */
export function formatGreetingName({ firstName, lastName }: PersonName, locale: AppLocale): string {
  return locale === "ja" ? lastName : firstName;
}
