import { z } from "zod";

/**
 * The language an invoice or receipt PDF is written in: Japanese (the default, DESIGN.md §10) or
 * English. The portal passes its current locale (decision 0026).
 */
export const documentLanguageSchema = z.enum(["ja", "en"]);
export type DocumentLanguage = z.infer<typeof documentLanguageSchema>;

/**
 * Query of `GET /api/invoices/:id/pdf` and `GET /api/invoices/:id/receipt`: `lang` (`ja`|`en`,
 * default `ja`). Any other value is a 400 naming `lang`.
 */
export const invoiceDocumentQuerySchema = z.object({
  lang: documentLanguageSchema.default("ja"),
});
export type InvoiceDocumentQuery = z.output<typeof invoiceDocumentQuerySchema>;
