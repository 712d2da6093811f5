import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

/**
 * The text of every page of a PDF, as PDF.js extracts it (the legacy build runs on Node 20): one
 * line per text run, pages in order. Reading the text back proves the fonts carry a Unicode map.
 */
export async function pdfText(bytes: Uint8Array): Promise<{ pages: number; text: string }> {
  const pdf = await getDocument({
    data: new Uint8Array(bytes),
    useSystemFonts: false,
    verbosity: 0,
  }).promise;
  try {
    const lines: string[] = [];
    for (let number = 1; number <= pdf.numPages; number += 1) {
      const page = await pdf.getPage(number);
      const content = await page.getTextContent();
      for (const item of content.items) {
        if ("str" in item && item.str.trim() !== "") {
          lines.push(item.str);
        }
      }
    }
    return { pages: pdf.numPages, text: lines.join("\n") };
  } finally {
    await pdf.destroy();
  }
}
