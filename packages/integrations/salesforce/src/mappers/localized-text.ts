import type { LocalizedText } from "@portal/domain";

/**
 * A Japanese field and its English companion (`Name` / `Name_En__c`, `Description` /
 * `Description_En__c`) → `{ ja, en }`. An empty or blank English field falls back to the Japanese
 * text, so a product nobody translated yet still shows its name on English pages.
 * Source: decision 0064.
 */
export function toLocalizedText(ja: string, en: string | null): LocalizedText {
  return { ja, en: en?.trim() ? en : ja };
}

/**
 * Like {@link toLocalizedText} for optional fields: null when both are empty; when only the
 * English one is filled it stands in for the Japanese too.
 */
export function toOptionalLocalizedText(
  ja: string | null,
  en: string | null,
): LocalizedText | null {
  const japanese = ja?.trim() ? ja : en?.trim() ? en : null;
  return japanese === null ? null : toLocalizedText(japanese, en);
}
