import { type AppLocale } from "@/i18n/locales";

/**
 * A customer's name as the portal holds it (WHMCS `firstname` / `lastname`). A katakana reading
 * (furigana) will be one more optional field here, shown by the same formatter.
 */
export interface PersonName {
  /** Given name. */
  firstName: string;
  /** Family name. */
  lastName: string;
}

/**
 * The full name in the language's order: family name first in Japanese (`Yamada Taro`, as
 * `山田 太郎` would be written), given name first in English (`Taro Yamada`).
 * Source: DESIGN.md §10.
 */
export function formatPersonName({ firstName, lastName }: PersonName, locale: AppLocale): string {
  const parts = locale === "ja" ? [lastName, firstName] : [firstName, lastName];
  return parts.filter((part) => part.trim() !== "").join(" ");
}

/**
 * The name a greeting uses: the family name in Japanese (`ようこそ、Yamada 様`), the given name in
 * English (`Welcome, Taro`), as each language addresses a customer.
 */
export function formatGreetingName({ firstName, lastName }: PersonName, locale: AppLocale): string {
  return locale === "ja" ? lastName : firstName;
}
