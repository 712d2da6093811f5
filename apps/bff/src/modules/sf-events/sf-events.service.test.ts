import { type PubSubSubscription, type SubscriptionListener } from "@portal/salesforce";
import { describe, expect, it } from "vitest";
import { AppError } from "../http/app-error.js";
import { type LeaderLeaseRow } from "./schema/leader-leases.js";
import { type SfEventReplayRow } from "./schema/sf-event-replays.js";
import { SF_EVENTS_LEASE, SfEventsService, type SfEventsDeps } from "./sf-events.service.js";

const TOPIC = "/data/OrderChangeEvent";
const silent = { log: () => undefined, warn: () => undefined, error: () => undefined };

type Leases = SfEventsDeps["leases"];

/** Leases in memory, with the repository's rule; `failing` makes every call throw. */
class FakeLeases implements Leases {
  row: LeaderLeaseRow | null = null;
  failing = false;
  released: string[] = [];

  acquire(name: string, holder: string, now: Date, expiresAt: Date) {
    if (this.failing) return Promise.reject(new Error("database down"));
    if (this.row === null || this.row.holder === holder || this.row.expiresAt < now) {
      const acquiredAt = this.row?.holder === holder ? this.row.acquiredAt : now;
      this.row = { name, holder, expiresAt, acquiredAt };
    }
    return Promise.resolve(this.row);
  }

  get() {
    return this.failing ? Promise.reject(new Error("database down")) : Promise.resolve(this.row);
  }

  release(_name: string, holder: string) {
    if (this.row?.holder === holder) this.row = null;
    this.released.push(holder);
    return Promise.resolve();
  }
}

/** A service whose subscriptions open and stay open until cancelled; `active` counts them. */
function service(leases: FakeLeases, clock: { now: Date }, holderId: string) {
  const rows: SfEventReplayRow[] = [];
  let active = 0;
  const svc = new SfEventsService(
    { enabled: true, topics: [TOPIC], batchSize: 100, leaseSeconds: 20 },
    {
      subscribe: (_request, listener: SubscriptionListener): PubSubSubscription => {
        active += 1;
        listener.open?.();
        return {
          request: () => undefined,
          cancel: () => {
            active -= 1;
            listener.end(null);
          },
        };
      },
      handle: () => Promise.resolve(),
      replays: {
        get: () => Promise.resolve(null),
        store: () => Promise.resolve(),
        all: () => Promise.resolve(rows),
        requestReplay: (topic, replayId, now) => {
          rows.push({
            topic,
            replayId,
            requestedReplayId: replayId,
            lastCommitAt: null,
            updatedAt: now,
          });
          return Promise.resolve();
        },
        applyRequested: () => Promise.resolve(true),
      },
      leases,
      counters: {
        received: () => undefined,
        handled: () => undefined,
        failed: () => undefined,
        skipped: () => undefined,
        resubscribed: () => undefined,
      },
      now: () => clock.now,
      holderId,
      autoCheck: false,
      logger: silent,
    },
  );
  return { svc, active: () => active };
}

describe("SfEventsService", () => {
  it("is disabled without touching the database when not enabled", async () => {
    const leases = new FakeLeases();
    leases.failing = true;
    const svc = new SfEventsService(
      { enabled: false, topics: [TOPIC], batchSize: 100, leaseSeconds: 20 },
      {
        subscribe: () => {
          throw new Error("must not subscribe");
        },
        handle: () => Promise.resolve(),
        replays: {
          get: () => Promise.reject(new Error("no")),
          store: () => Promise.reject(new Error("no")),
          all: () => Promise.reject(new Error("no")),
          requestReplay: () => Promise.reject(new Error("no")),
          applyRequested: () => Promise.reject(new Error("no")),
        },
        leases,
        counters: {
          received: () => undefined,
          handled: () => undefined,
          failed: () => undefined,
          skipped: () => undefined,
          resubscribed: () => undefined,
        },
        autoCheck: false,
        logger: silent,
      },
    );
    await svc.checkLeadership();
    expect(await svc.health()).toMatchObject({
      enabled: false,
      subscriber: { status: "disabled", lastError: null },
      leader: { holderId: null, isThisProcess: false },
    });
  });

  it("stops subscribing when it cannot renew and its lease has run out, and subscribes again once it can", async () => {
    const leases = new FakeLeases();
    const clock = { now: new Date("2026-03-31T03:00:00Z") };
    const { svc, active } = service(leases, clock, "a");
    await svc.checkLeadership();
    expect(active()).toBe(1);

    leases.failing = true;
    clock.now = new Date("2026-03-31T03:00:10Z");
    await svc.checkLeadership();
    // Within the lease: still the leader; health answers from this process, the error shown.
    expect(active()).toBe(1);
    expect(await svc.health()).toMatchObject({
      subscriber: {
        status: "subscribed",
        lastError: { at: "2026-03-31T03:00:10.000Z", error: "database unreachable", code: null },
      },
      leader: { holderId: null },
    });

    clock.now = new Date("2026-03-31T03:00:21Z");
    await svc.checkLeadership();
    expect(active()).toBe(0);

    leases.failing = false;
    await svc.checkLeadership();
    expect(active()).toBe(1);
    expect((await svc.health()).subscriber.status).toBe("subscribed");
    await svc.onModuleDestroy();
  });

  it("releases the lease on shutdown, so a standby takes over at its next check", async () => {
    const leases = new FakeLeases();
    const clock = { now: new Date("2026-03-31T03:00:00Z") };
    const first = service(leases, clock, "a");
    const second = service(leases, clock, "b");
    await first.svc.checkLeadership();
    await second.svc.checkLeadership();
    expect([first.active(), second.active()]).toEqual([1, 0]);

    await first.svc.onModuleDestroy();
    expect(leases.released).toEqual(["a"]);
    expect(first.active()).toBe(0);
    await second.svc.checkLeadership();
    expect(second.active()).toBe(1);
    expect(leases.row?.holder).toBe("b");
    expect(SF_EVENTS_LEASE).toBe(leases.row?.name);
    await second.svc.onModuleDestroy();
  });

  it("refuses a replay request naming the field that is wrong", async () => {
    const { svc } = service(new FakeLeases(), { now: new Date() }, "a");
    const refusal = (topic: string, replayId: string) =>
      svc.replayFrom(topic, replayId).then(
        () => null,
        (error: unknown) => (error instanceof AppError ? error.fields : error),
      );
    expect(await refusal("/data/AccountChangeEvent", "00")).toEqual({
      topic: `must be one of ${TOPIC}`,
    });
    expect(await refusal(TOPIC, "00ZZ")).toEqual({
      replayId: "must be a replay id in lower-case hex, as health shows it",
    });
  });
});
