import { z } from "zod";

/**
 * A text kept in both portal languages: `ja` (Japanese, the org's own `Name` / `Description`) and
 * `en` (English, the `*_En__c` field). The integration mapper fills `en` with `ja` when the English
 * field is empty, so both are always present. Salesforce has no per-record translation of
 * `Product2.Name` (Translation Workbench translates metadata only), hence the custom field.
 * Source: decision 0064.
 */
export const localizedTextSchema = z.object({
  ja: z.string(),
  en: z.string(),
});
export type LocalizedText = z.infer<typeof localizedTextSchema>;

/** The portal's languages, the keys of {@link LocalizedText}. */
export type TextLocale = keyof LocalizedText;
