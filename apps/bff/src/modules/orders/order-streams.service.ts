import { Injectable, Logger, type MessageEvent } from "@nestjs/common";
import {
  ORDER_STREAM_EVENTS,
  type OrderDetail,
  type OrderStreamReauth,
  type OrderSummary,
  orderSummarySchema,
} from "@portal/domain";
import { sameRecordId } from "@portal/salesforce";
import { Observable } from "rxjs";
import { AccessTokenService } from "../http/access-token.service.js";
import { AppError } from "../http/app-error.js";
import { type AuthenticatedUser } from "../http/current-user.js";
import { SessionDenyList } from "../http/session-deny-list.js";
import { IdentityService } from "../identity/identity.service.js";
import { MetricsService } from "../metrics/metrics.service.js";
import { type OrderUpdate, OrderUpdates } from "./order-updates.js";
import { OrdersService } from "./orders.service.js";

/** Limits and timings of the order streams (decision 0071). */
export const ORDER_STREAM_LIMITS = {
  /**
   * Streams one user may hold open on one replica: a few tabs, each with an order page and the
   * dashboard; beyond that a stuck client (a reconnect loop) would pin memory and sockets.
   */
  perUser: 10,
  /**
   * Milliseconds between heartbeats (comment lines): below the usual 60 s idle timeout of proxies
   * and load balancers, and each one checks the session's deny-list.
   */
  heartbeatMs: 25_000,
  /** The `retry:` hint (ms): how long a browser waits before it reconnects after a drop. */
  retryMs: 3_000,
} as const;

/** The kinds of stream, as the `sse_streams_open` metric labels them. */
export type OrderStreamKind = "order" | "account_orders";

/** Who opens a stream: the signed-in user, their access token and the stream's lifetime. */
export interface OrderStreamRequest {
  user: AuthenticatedUser;
  /** The access token `AuthGuard` accepted (`@CurrentAccessToken()`): the stream ends when it expires. */
  accessToken: string;
  /** Aborted when the stream ends, however it ends (`@SseSignal()`). */
  signal: AbortSignal;
}

/**
 * What one stream sends: the first event's data (`first`, which also authorizes; none when
 * absent), which updates concern it, and how to re-read on an update.
 */
interface StreamSource<T> {
  first?: () => Promise<T>;
  matches(update: OrderUpdate): boolean;
  read(update: OrderUpdate): Promise<T>;
}

/**
 * The live updates of orders (DESIGN.md §9 "Live updates"; decision 0071) as server-sent events:
 * one order's (`GET /api/orders/:id/events`, authorized exactly like `GET /api/orders/:id`) or
 * every order of the customer's (`GET /api/orders/events`, for the dashboard and the list). Each
 * stream re-reads the order through the orders cache when {@link OrderUpdates} reports a change,
 * sends heartbeats, and ends with a `reauth` event when the access token expires or the session
 * is on the deny-list. At most {@link ORDER_STREAM_LIMITS.perUser} streams per user and replica.
 */
@Injectable()
export class OrderStreamsService {
  private readonly logger = new Logger(OrderStreamsService.name);
  /** Open (or opening) streams per portal user id. */
  private readonly openByUser = new Map<string, number>();

  constructor(
    private readonly orders: OrdersService,
    private readonly identities: IdentityService,
    private readonly updates: OrderUpdates,
    private readonly accessTokens: AccessTokenService,
    private readonly denyList: SessionDenyList,
    private readonly metrics: MetricsService,
  ) {}

  /**
   * The stream of order `orderId`: an `order` event with the order (`orderDetailSchema`) at once,
   * then one after each change.
   * @throws AppError NOT_FOUND when the order is absent or another Account's (as `GET
   *   /api/orders/:id`), RATE_LIMITED past the per-user cap, UNAUTHENTICATED when the access
   *   token expired meanwhile; `SalesforceError` when the first read fails.
   */
  async orderStream(
    request: OrderStreamRequest,
    orderId: string,
  ): Promise<Observable<MessageEvent>> {
    const { user } = request;
    const { sfAccountId } = await this.identities.identityOf(user.id);
    const read = () => this.orders.detail(user.id, orderId);
    return this.open<OrderDetail>(request, "order", sfAccountId, {
      first: read,
      matches: (update) => sameRecordId(update.orderId, orderId),
      read,
    });
  }

  /**
   * The stream of the caller's orders: an `order` event (`orderSummarySchema`) each time one of
   * them changes or is placed; nothing on connect.
   * @throws AppError RATE_LIMITED past the per-user cap, UNAUTHENTICATED when the access token
   *   expired meanwhile.
   */
  async accountStream(request: OrderStreamRequest): Promise<Observable<MessageEvent>> {
    const { user } = request;
    const { sfAccountId } = await this.identities.identityOf(user.id);
    return this.open<OrderSummary>(request, "account_orders", sfAccountId, {
      matches: () => true,
      read: async (update) =>
        orderSummarySchema.parse(await this.orders.detail(user.id, update.orderId)),
    });
  }

  /**
   * Listens for updates, reads the first event (authorizing), reserves a slot for the user, then
   * builds the stream (see the class). Updates heard before the stream starts are replayed into
   * it, so a change between the first read and the first event is not lost.
   */
  private async open<T extends object>(
    request: OrderStreamRequest,
    kind: OrderStreamKind,
    sfAccountId: string,
    source: StreamSource<T>,
  ): Promise<Observable<MessageEvent>> {
    const { user, signal } = request;
    const expiresAt = await this.accessTokens.expiryOf(request.accessToken);
    if (!expiresAt) {
      throw new AppError("UNAUTHENTICATED", "Please sign in to continue.");
    }
    const early: OrderUpdate[] = [];
    let onUpdate = (update: OrderUpdate) => {
      early.push(update);
    };
    const stopListening = this.updates.listen(sfAccountId, (update) => {
      if (source.matches(update)) onUpdate(update);
    });
    let initial: T | null;
    let releaseSlot: () => void;
    try {
      initial = source.first ? await source.first() : null;
      releaseSlot = this.reserve(user.id);
    } catch (error) {
      stopListening();
      throw error;
    }
    const release = () => {
      stopListening();
      releaseSlot();
    };
    // The signal ends on every exit, also when the client left before the stream was
    // subscribed to (Nest then never subscribes): the slot is released either way.
    signal.addEventListener("abort", release, { once: true });
    if (signal.aborted) release();

    return new Observable<MessageEvent>((subscriber) => {
      this.metrics.countOpenStream(kind, 1);
      const end = (reason: OrderStreamReauth["reason"]) => {
        if (subscriber.closed) return;
        const data: OrderStreamReauth = { reason };
        subscriber.next({ type: ORDER_STREAM_EVENTS.reauth, data });
        subscriber.complete();
      };
      subscriber.next(
        initial
          ? {
              type: ORDER_STREAM_EVENTS.order,
              data: initial,
              retry: ORDER_STREAM_LIMITS.retryMs,
            }
          : { comment: "connected", retry: ORDER_STREAM_LIMITS.retryMs },
      );

      // Updates are read one after another, so events leave in the order the changes came.
      let reads = Promise.resolve();
      onUpdate = (update) => {
        reads = reads.then(async () => {
          if (subscriber.closed) return;
          try {
            const data = await source.read(update);
            if (!subscriber.closed) subscriber.next({ type: ORDER_STREAM_EVENTS.order, data });
          } catch (error) {
            // The next update or the client's reconnection reads it again.
            this.logger.warn(
              { err: error, ...update },
              "Could not read a changed order for a stream",
            );
          }
        });
      };
      for (const update of early.splice(0)) onUpdate(update);

      const heartbeat = setInterval(() => {
        subscriber.next({ comment: "heartbeat" });
        this.denyList.isDenied(user.sessionId).then(
          (denied) => {
            if (denied) end("session_ended");
          },
          (error: unknown) =>
            this.logger.warn({ err: error }, "Could not check a stream's session"),
        );
      }, ORDER_STREAM_LIMITS.heartbeatMs);
      const expiry = setTimeout(
        () => end("token_expiring"),
        Math.max(0, expiresAt.getTime() - Date.now()),
      );

      return () => {
        clearInterval(heartbeat);
        clearTimeout(expiry);
        this.metrics.countOpenStream(kind, -1);
        release();
      };
    });
  }

  /**
   * Takes one of the user's stream slots.
   * @returns the idempotent function that gives it back.
   * @throws AppError RATE_LIMITED when the user holds {@link ORDER_STREAM_LIMITS.perUser} already.
   */
  private reserve(userId: string): () => void {
    const open = this.openByUser.get(userId) ?? 0;
    if (open >= ORDER_STREAM_LIMITS.perUser) {
      throw new AppError(
        "RATE_LIMITED",
        "Too many pages are following your orders live. Close some tabs and try again.",
      );
    }
    this.openByUser.set(userId, open + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.openByUser.get(userId) ?? 1) - 1;
      if (left > 0) this.openByUser.set(userId, left);
      else this.openByUser.delete(userId);
    };
  }
}
