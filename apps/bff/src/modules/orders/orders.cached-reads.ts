import { orderDetailSchema, orderSummarySchema } from "@portal/domain";
import { z } from "zod";
import { type CacheTag, cachedRead } from "../cache/cached-read.js";

/** The tag of everything cached about one Salesforce Account's orders. */
export const ordersTags = {
  account: (sfAccountId: string): CacheTag => ({ kind: "orders", id: sfAccountId }),
};

/**
 * All of an Account's orders, newest first (Salesforce Order with its items), cached once per
 * Account until invalidated (DESIGN.md §5 "orders: event-driven, no TTL"): checkout's own orders
 * and `OrderChanged` (Change Data Capture, provisioning, once they land) drop it. Every page is
 * cut from this one entry, so paging costs no Salesforce query and no cache key per page.
 */
export const orderListRead = cachedRead({
  namespace: "orders",
  key: (sfAccountId: string) => `${sfAccountId}:list`,
  schema: z.array(orderSummarySchema),
  freshness: { untilInvalidated: true },
  tags: (sfAccountId) => [ordersTags.account(sfAccountId)],
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
