import { index, integer, jsonb, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Requests sent with an `Idempotency-Key` header (DESIGN.md §9, Stripe's semantics; decision
 * 0014), per `scope` (`user:<portal user id>`, or `route:<METHOD> <path>` before sign-in) and key:
 * `request_hash` is an HMAC of the request; `response_status` is null while the first request
 * is in flight, then it and `response_body` are what a retry with the same request replays.
 * Rows expire after 24 h (`expires_at`) and are pruned by the `idempotency.prune` job.
 */
export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    scope: text("scope").notNull(),
    key: text("key").notNull(),
    requestHash: text("request_hash").notNull(),
    responseStatus: integer("response_status"),
    responseBody: jsonb("response_body").$type<unknown>(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.scope, table.key] }),
    index("idempotency_keys_expires_at_idx").on(table.expiresAt),
  ],
);

/** An `idempotency_keys` row as read. */
export type IdempotencyKeyRow = typeof idempotencyKeys.$inferSelect;
