import { orderDetailSchema, type PageQuery, orderSummarySchema } from "@portal/domain";
import { z } from "zod";
import { type CacheTag, cachedRead } from "../cache/cached-read.js";

/** The tag of everything cached about one Salesforce Account's orders. */
export const ordersTags = {
  account: (sfAccountId: string): CacheTag => ({ kind: "orders", id: sfAccountId }),
};

/** What `SalesforceOrders.listForAccount` returns, as the cache stores it. */
export const orderPageSchema = z.object({
  totalItems: z.number().int().min(0),
  orders: z.array(orderSummarySchema),
});

/**
 * One page of an Account's orders, newest first (Salesforce Order with its items), cached per
 * Account and page until invalidated (DESIGN.md §5 "orders: event-driven, no TTL"): checkout's
 * own orders and `OrderChanged` (Change Data Capture, provisioning, once they land) drop it.
 */
export const orderListRead = cachedRead({
  namespace: "orders",
  key: ({ sfAccountId, page }: { sfAccountId: string; page: PageQuery }) =>
    `${sfAccountId}:list:${page.page}:${page.pageSize}`,
  schema: orderPageSchema,
  freshness: { untilInvalidated: true },
  tags: ({ sfAccountId }) => [ordersTags.account(sfAccountId)],
});

/**
 * One order of an Account with items, address snapshot and timeline, or null when the Account
 * has no such order (unknown, or another Account's: both a 404), cached like {@link orderListRead}.
 * The key carries the caller's Account, so one customer's entry never answers another's request.
 */
export const orderDetailRead = cachedRead({
  namespace: "orders",
  key: ({ sfAccountId, orderId }: { sfAccountId: string; orderId: string }) =>
    `${sfAccountId}:detail:${orderId}`,
  schema: orderDetailSchema.nullable(),
  freshness: { untilInvalidated: true },
  tags: ({ sfAccountId }) => [ordersTags.account(sfAccountId)],
});
