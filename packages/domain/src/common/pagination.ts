import { z } from "zod";

/**
 * Page request parameters as they arrive in a query string (strings are coerced).
 * `page` is 1-based; `pageSize` is 1–100.
 */
export const pageQuerySchema = z.object({
  page: z.coerce.number().int().min(1, "Page must be 1 or more").default(1),
  pageSize: z.coerce
    .number()
    .int()
    .min(1, "Page size must be between 1 and 100")
    .max(100, "Page size must be between 1 and 100")
    .default(10),
});
export type PageQuery = z.infer<typeof pageQuerySchema>;

/** Builds the schema of one page of `item`: the items plus 1-based paging facts. */
export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    page: z.number().int().min(1),
    pageSize: z.number().int().min(1),
    totalItems: z.number().int().min(0),
    totalPages: z.number().int().min(0),
  });
}

/** Number of pages needed for `totalItems` at `pageSize` per page (0 items → 0 pages). */
export function pageCount(totalItems: number, pageSize: number): number {
  return Math.ceil(totalItems / pageSize);
}
