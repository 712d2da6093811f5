import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

/**
 * The TrueType files of BIZ UDPGothic (Morisawa, SIL Open Font License 1.1), shipped by the npm
 * package `@expo-google-fonts/biz-udpgothic`: a universal-design Japanese gothic with Latin,
 * kana, JIS level 1–2 kanji, `¥`/`￥` and `※` (decision 0026).
 */
const FONT_FILES = {
  regular: "@expo-google-fonts/biz-udpgothic/400Regular/BIZUDPGothic_400Regular.ttf",
  bold: "@expo-google-fonts/biz-udpgothic/700Bold/BIZUDPGothic_700Bold.ttf",
} as const;

/** The regular and bold faces as TrueType bytes (about 4.5 MB each; the PDF embeds a subset). */
export interface JapaneseFont {
  regular: Buffer;
  bold: Buffer;
}

let loading: Promise<JapaneseFont> | undefined;

/**
 * Reads both faces once per process and keeps them in memory for every later PDF.
 * @throws Error when the font package is not installed (a broken deployment).
 */
export function japaneseFont(): Promise<JapaneseFont> {
  loading ??= Promise.all([
    readFile(require.resolve(FONT_FILES.regular)),
    readFile(require.resolve(FONT_FILES.bold)),
  ]).then(([regular, bold]) => ({ regular, bold }));
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}
