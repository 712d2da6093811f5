import { z } from "zod";

/** Hiragana that have a katakana twin: ぁ (U+3041) … ゖ (U+3096), and the iteration marks ゝゞ. */
const HIRAGANA = /[\u3041-\u3096\u309d\u309e]/g;

/** Katakana sit 0x60 code points above their hiragana twins (Unicode "Hiragana"/"Katakana" blocks). */
const HIRAGANA_TO_KATAKANA = 0x60;

/**
 * A reading once normalised: full-width katakana ァ (U+30A1) … ヺ (U+30FA), the middle dot ・
 * (U+30FB, between the parts of a foreign name), the prolonged sound mark ー (U+30FC), the
 * katakana iteration marks ヽヾ, and single spaces between words.
 */
const KATAKANA_READING = /^[\u30a1-\u30fe]+(?: [\u30a1-\u30fe]+)*$/;

/**
 * What customers type for a reading → the form the portal stores: Unicode NFKC (half-width
 * katakana `ﾔﾏﾀﾞ` become `ヤマダ`, the ideographic space a plain one), hiragana become katakana
 * (`やまだ` → `ヤマダ`), spaces trimmed and runs of them collapsed to one. Anything else is left
 * as it is, so validation still refuses it.
 * Source: Unicode UAX #15 (NFKC); the Hiragana and Katakana code charts.
 */
export function toKatakanaReading(value: string): string {
  return value
    .normalize("NFKC")
    .replace(HIRAGANA, (kana) => String.fromCharCode(kana.charCodeAt(0) + HIRAGANA_TO_KATAKANA))
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * The katakana reading (furigana, フリガナ) of one part of a name, required: normalised by
 * {@link toKatakanaReading}, then only katakana, `ー`, `・` and single spaces, 1–100 characters.
 * `part` names the field in the messages API users read (`"family name"`, `"given name"`);
 * the portal shows its own message per field and issue code.
 * Source: issue 5 §1 "Japanese conventions"; DESIGN.md §10.
 */
export function kanaReadingSchema(part: string): z.ZodString {
  return z
    .string()
    .overwrite(toKatakanaReading)
    .min(1, `Enter the reading of your ${part} in katakana`)
    .max(100, `The reading of your ${part} is too long`)
    .regex(KATAKANA_READING, `Write the reading of your ${part} in katakana (e.g. ヤマダ)`);
}

/** The family-name reading (`lastNameKana`, e.g. `ヤマダ`). */
export const lastNameKanaSchema = kanaReadingSchema("family name");

/** The given-name reading (`firstNameKana`, e.g. `タロウ`). */
export const firstNameKanaSchema = kanaReadingSchema("given name");
