import { z } from "zod";

/**
 * The server-sent events of the order streams (DESIGN.md §8, §9 "Live updates"; decision 0071):
 * - `GET /api/orders/:id/events`: `order` carries the order as `GET /api/orders/:id` answers it
 *   (`orderDetailSchema`), once on connect and again after every change;
 * - `GET /api/orders/events`: `order` carries an order of the customer's as the list shows it
 *   (`orderSummarySchema`) each time one changes (none on connect: the list is read as usual);
 * - both: `reauth` ({@link orderStreamReauthSchema}) just before the server ends the stream because
 *   the access token expires or the session ended; the portal renews the session and reconnects.
 * Comment lines are heartbeats; the first event carries the `retry:` reconnection delay.
 */
export const ORDER_STREAM_EVENTS = { order: "order", reauth: "reauth" } as const;

/**
 * Why a stream ends with `reauth`: `token_expiring` (the access token runs out: renew and reconnect)
 * or `session_ended` (signed out elsewhere: renewing will fail and send the customer to sign in).
 */
export const orderStreamReauthSchema = z.object({
  reason: z.enum(["token_expiring", "session_ended"]),
});
export type OrderStreamReauth = z.infer<typeof orderStreamReauthSchema>;
