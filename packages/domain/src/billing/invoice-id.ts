import { z } from "zod";

/**
 * Path parameters of `/api/invoices/:id` and `/api/invoices/:id/sso-link`: `id` is the WHMCS
 * invoice id, a positive whole number written in plain digits (`"1001"`; not `"1e3"`, `"0"`,
 * `"-1"` or `"1.5"`) that fits WHMCS's 32-bit column. Parsed to a number.
 */
export const invoiceParamsSchema = z.object({
  id: z
    .string()
    .regex(/^[1-9]\d{0,9}$/, "Invoice id must be a positive whole number")
    .transform(Number)
    .pipe(z.number().max(2_147_483_647, "Invoice id must be a positive whole number")),
});
export type InvoiceParams = z.output<typeof invoiceParamsSchema>;
