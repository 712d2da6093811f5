import { z } from "zod";

/*
 * WHMCS encodes scalars inconsistently across versions: the older API reference pages show every
 * value as a string ("1", "15.95"), the current ones show ids and counts as JSON numbers and money
 * as strings. These schemas accept both so one client works against either.
 * Source: WHMCS/developer-docs api-reference/getinvoices.md (both revisions).
 */

/** An integer sent as a JSON number or a decimal-digit string (`1`, `"1"`); parses to a number. */
export const whmcsIntSchema = z.union([
  z.number().int(),
  z
    .string()
    .trim()
    .regex(/^-?\d+$/, "Expected an integer")
    .transform(Number),
]);

/**
 * A decimal amount (`"15.95"`, `"0.00"`, sometimes a JSON number); kept as its decimal text so
 * money is converted to minor units without floating point (`toMinorUnits` in @portal/domain).
 */
export const whmcsDecimalSchema = z.union([
  z
    .string()
    .trim()
    .regex(/^-?\d+(\.\d+)?$/, "Expected a decimal amount"),
  z.number().transform((value) => value.toString()),
]);

/**
 * A PHP-style flag: `true`/`false`, `1`/`0`, `"1"`/`"0"`, or `""` for false
 * (GetInvoice `items[item][n][taxed]`, GetClientsDetails flags).
 */
export const whmcsFlagSchema = z
  .union([z.boolean(), z.literal(0), z.literal(1), z.enum(["", "0", "1"])])
  .transform((value) => value === true || value === 1 || value === "1");

/** A calendar date `YYYY-MM-DD` as WHMCS stores it (may be `0000-00-00` for "never"). */
export const whmcsDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Expected YYYY-MM-DD");

/**
 * A timestamp `YYYY-MM-DD HH:ii:ss` in the WHMCS server's time zone, or `0000-00-00 00:00:00`
 * for "never" (GetInvoice `datepaid`, GetTransactions `date`). Some installations send the date
 * alone, which is accepted too.
 */
export const whmcsDateTimeSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}( \d{2}:\d{2}:\d{2})?$/, "Expected YYYY-MM-DD HH:ii:ss");

/**
 * A list that WHMCS wraps in a singular key (`{"invoices":{"invoice":[...]}}`) and sends as
 * `""`, `[]`, `null` or leaves out altogether when it is empty (GetInvoice shows
 * `"transactions": ""`). Parses to a plain array.
 * Source: WHMCS/developer-docs api-reference/getinvoices.md, getinvoice.md, getclients.md.
 */
export function whmcsWrappedListSchema<Key extends string, Item extends z.ZodType>(
  key: Key,
  item: Item,
) {
  const wrapped = z.object({ [key]: z.array(item) } as Record<Key, z.ZodArray<Item>>);
  return z
    .union([wrapped, z.literal(""), z.tuple([]), z.null()])
    .optional()
    .transform((value): z.output<Item>[] =>
      value && !Array.isArray(value) ? (value as Record<Key, z.output<Item>[]>)[key] : [],
    );
}

/**
 * A bare list (GetPayMethods `paymethods`) that may equally arrive as `""`, `null` or be left out
 * when empty. Parses to a plain array.
 */
export function whmcsListSchema<Item extends z.ZodType>(item: Item) {
  return z
    .union([z.array(item), z.literal(""), z.null()])
    .optional()
    .transform((value): z.output<Item>[] => (Array.isArray(value) ? value : []));
}
