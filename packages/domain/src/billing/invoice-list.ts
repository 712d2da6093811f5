import { z } from "zod";
import { pageQuerySchema, pageSchema } from "../common/pagination.js";
import { invoiceSummarySchema } from "./invoice.js";
import { invoiceStatusSchema } from "./invoice-status.js";

/**
 * `GET /api/invoices?status=&page=&pageSize=` query. `status` omitted or `all` lists every
 * invoice; otherwise one status. Newest first.
 */
export const invoiceListQuerySchema = pageQuerySchema.extend({
  status: z
    .union([invoiceStatusSchema, z.literal("all")], {
      error: "Status must be one of: all, " + invoiceStatusSchema.options.join(", "),
    })
    .default("all"),
});
export type InvoiceListQuery = z.infer<typeof invoiceListQuerySchema>;

/** One page of the caller's invoices. */
export const invoiceListPageSchema = pageSchema(invoiceSummarySchema);
export type InvoiceListPage = z.infer<typeof invoiceListPageSchema>;
