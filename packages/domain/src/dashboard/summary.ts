import { z } from "zod";
import { isoDateSchema } from "../common/iso-date.js";
import { moneySchema } from "../common/money.js";
import { invoiceStatusSchema } from "../billing/invoice-status.js";

/**
 * `GET /api/me/summary`: what the dashboard shows. `unpaid` covers every payable invoice
 * (unpaid, overdue, collections); `nextDue` is the payable invoice with the earliest due date, with
 * its status so the dashboard can say "overdue" rather than "next payment" (`isPastDue`).
 */
export const dashboardSummarySchema = z.object({
  customer: z.object({
    firstName: z.string(),
    lastName: z.string(),
    customerNumber: z.string(),
  }),
  invoices: z.object({
    unpaidCount: z.number().int().min(0),
    unpaidTotal: moneySchema,
    overdueCount: z.number().int().min(0),
    nextDue: z
      .object({
        invoiceId: z.number().int(),
        number: z.string(),
        dueOn: isoDateSchema,
        status: invoiceStatusSchema,
        total: moneySchema,
      })
      .nullable(),
  }),
  hasPaymentMethod: z.boolean(),
});
export type DashboardSummary = z.infer<typeof dashboardSummarySchema>;
