import { z } from "zod";

/**
 * `GET /api/orders/:id` path parameters: `id` is a Salesforce Order Id, 15 or 18 letters and
 * digits; anything else is a 400 naming `id` (as `/api/invoices/:id` refuses a malformed id).
 */
export const orderParamsSchema = z.object({
  id: z.string().regex(/^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/, "Not an order id"),
});
export type OrderParams = z.infer<typeof orderParamsSchema>;
