import { Logger, type MessageEvent } from "@nestjs/common";
import { type OrderDetail } from "@portal/domain";
import { type Observable, type Subscription } from "rxjs";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { type AccessTokenService } from "../http/access-token.service.js";
import { AppError } from "../http/app-error.js";
import { type SessionDenyList } from "../http/session-deny-list.js";
import { type IdentityService } from "../identity/identity.service.js";
import { type MetricsService } from "../metrics/metrics.service.js";
import { ORDER_STREAM_LIMITS, OrderStreamsService } from "./order-streams.service.js";
import { type OrderUpdateListener, type OrderUpdates } from "./order-updates.js";
import { type OrdersService } from "./orders.service.js";

const ACCOUNT = "001DEMO00000001YDA";
const ORDER_ID = "801DEMO00000001AAA";
const USER = { id: "user-1", sessionId: "session-1" };
const NOW = new Date("2026-12-02T00:00:00Z");
const TOKEN_EXPIRES = new Date(NOW.getTime() + 15 * 60_000);

function detail(activationStatus: OrderDetail["activationStatus"]): OrderDetail {
  return { id: ORDER_ID, activationStatus } as OrderDetail;
}

/** The service over fakes: one order whose activation status the test sets, a deny-list flag. */
function setUp() {
  let current = detail("not_started");
  const listeners = new Set<OrderUpdateListener>();
  const denied = { value: false };
  const open = { value: 0 };
  const service = new OrderStreamsService(
    {
      detail: vi.fn(async (_userId: string, orderId: string) => {
        if (orderId !== ORDER_ID) throw new AppError("NOT_FOUND", "We could not find this order.");
        return current;
      }),
    } as unknown as OrdersService,
    { identityOf: async () => ({ sfAccountId: ACCOUNT }) } as unknown as IdentityService,
    {
      listen: (_account: string, listener: OrderUpdateListener) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    } as unknown as OrderUpdates,
    {
      expiryOf: async (token: string) => (token === "valid" ? TOKEN_EXPIRES : null),
    } as unknown as AccessTokenService,
    { isDenied: async () => denied.value } as unknown as SessionDenyList,
    {
      countOpenStream: (_kind: string, delta: number) => {
        open.value += delta;
      },
    } as unknown as MetricsService,
  );
  return {
    service,
    listeners,
    denied,
    open,
    setOrder: (order: OrderDetail) => {
      current = order;
    },
    publish: () => {
      for (const listener of listeners) listener({ sfAccountId: ACCOUNT, orderId: ORDER_ID });
    },
  };
}

/** Subscribes to a stream and collects its events and its completion. */
function collect(stream: Observable<MessageEvent>) {
  const events: MessageEvent[] = [];
  const state = { completed: false };
  const subscription: Subscription = stream.subscribe({
    next: (event) => events.push(event),
    complete: () => {
      state.completed = true;
    },
  });
  return { events, state, subscription };
}

function request(signal = new AbortController().signal, accessToken = "valid") {
  return { user: USER, accessToken, signal };
}

beforeAll(() => {
  Logger.overrideLogger(false);
});

beforeEach(() => {
  vi.useFakeTimers({ now: NOW });
});

afterEach(() => {
  vi.useRealTimers();
});

describe("OrderStreamsService", () => {
  it("sends the order with the retry hint, then the re-read order after each update", async () => {
    const fakes = setUp();
    const { events } = collect(await fakes.service.orderStream(request(), ORDER_ID));
    expect(events).toEqual([
      { type: "order", data: detail("not_started"), retry: ORDER_STREAM_LIMITS.retryMs },
    ]);

    fakes.setOrder(detail("activating"));
    fakes.publish();
    await vi.waitFor(() => expect(events).toHaveLength(2));
    expect(events[1]).toEqual({ type: "order", data: detail("activating") });
  });

  it("sends a change made between the first read and the start of the stream", async () => {
    const fakes = setUp();
    const stream = await fakes.service.orderStream(request(), ORDER_ID);
    fakes.setOrder(detail("activating"));
    fakes.publish();

    const { events } = collect(stream);
    await vi.waitFor(() => expect(events).toHaveLength(2));
    expect(events.map((event) => (event.data as OrderDetail).activationStatus)).toEqual([
      "not_started",
      "activating",
    ]);
  });

  it("refuses an order that is not the caller's before anything is reserved", async () => {
    const fakes = setUp();
    await expect(fakes.service.orderStream(request(), "801OTHER0000001AAA")).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(fakes.listeners.size).toBe(0);
  });

  it("sends heartbeats and ends with reauth when the access token expires", async () => {
    const fakes = setUp();
    const { events, state } = collect(await fakes.service.orderStream(request(), ORDER_ID));

    await vi.advanceTimersByTimeAsync(ORDER_STREAM_LIMITS.heartbeatMs);
    expect(events.at(-1)).toEqual({ comment: "heartbeat" });
    expect(state.completed).toBe(false);

    await vi.advanceTimersByTimeAsync(TOKEN_EXPIRES.getTime() - Date.now());
    expect(events.at(-1)).toEqual({ type: "reauth", data: { reason: "token_expiring" } });
    expect(state.completed).toBe(true);
    expect(fakes.listeners.size).toBe(0);
    expect(fakes.open.value).toBe(0);
  });

  it("ends with reauth at the first heartbeat after the session was denied", async () => {
    const fakes = setUp();
    const { events, state } = collect(await fakes.service.accountStream(request()));
    expect(events).toEqual([{ comment: "connected", retry: ORDER_STREAM_LIMITS.retryMs }]);

    fakes.denied.value = true;
    await vi.advanceTimersByTimeAsync(ORDER_STREAM_LIMITS.heartbeatMs);
    expect(events.at(-1)).toEqual({ type: "reauth", data: { reason: "session_ended" } });
    expect(state.completed).toBe(true);
  });

  it("refuses a stream whose access token is no longer valid", async () => {
    const fakes = setUp();
    await expect(fakes.service.accountStream(request(undefined, "expired"))).rejects.toMatchObject({
      code: "UNAUTHENTICATED",
    });
  });

  it("caps the streams per user and gives a slot back on unsubscribe or on an abort before subscription", async () => {
    const fakes = setUp();
    const subscriptions: Subscription[] = [];
    for (let index = 0; index < ORDER_STREAM_LIMITS.perUser - 1; index += 1) {
      subscriptions.push(collect(await fakes.service.accountStream(request())).subscription);
    }
    // Opened, never subscribed to: the client left during setup.
    const abort = new AbortController();
    await fakes.service.accountStream(request(abort.signal));
    await expect(fakes.service.accountStream(request())).rejects.toMatchObject({
      code: "RATE_LIMITED",
    });

    abort.abort();
    subscriptions.push(collect(await fakes.service.accountStream(request())).subscription);
    await expect(fakes.service.accountStream(request())).rejects.toMatchObject({
      code: "RATE_LIMITED",
    });

    subscriptions.pop()?.unsubscribe();
    expect(fakes.open.value).toBe(ORDER_STREAM_LIMITS.perUser - 1);
    await expect(fakes.service.accountStream(request())).resolves.toBeDefined();
    for (const subscription of subscriptions) subscription.unsubscribe();
  });
});
