import { Logger } from "@nestjs/common";
import { beforeAll, describe, expect, it } from "vitest";
import { type AppEvents } from "./app-events.js";
import { EventBus } from "./event-bus.js";

const paid: AppEvents["BillingChanged"] = {
  whmcsClientId: 1,
  invoiceId: 1001,
  reason: "invoice_paid",
};

beforeAll(() => {
  Logger.overrideLogger(false);
});

describe("EventBus", () => {
  it("delivers a published event to every subscriber and waits for them", async () => {
    const bus = new EventBus();
    const seen: string[] = [];
    bus.subscribe("BillingChanged", (event) => {
      seen.push(`sync ${event.whmcsClientId}`);
    });
    bus.subscribe("BillingChanged", async (event) => {
      await Promise.resolve();
      seen.push(`async ${event.invoiceId}`);
    });

    await bus.publish("BillingChanged", paid);

    expect(seen.sort()).toEqual(["async 1001", "sync 1"]);
  });

  it("keeps a failing subscriber's error from the publisher and from the other subscribers", async () => {
    const bus = new EventBus();
    const seen: number[] = [];
    bus.subscribe("BillingChanged", () => {
      throw new Error("boom");
    });
    bus.subscribe("BillingChanged", async () => {
      throw new Error("async boom");
    });
    bus.subscribe("BillingChanged", (event) => {
      seen.push(event.whmcsClientId);
    });

    await expect(bus.publish("BillingChanged", paid)).resolves.toBeUndefined();
    expect(seen).toEqual([1]);
  });

  it("stops delivering after unsubscribe, and publishing with no subscriber is a no-op", async () => {
    const bus = new EventBus();
    const seen: number[] = [];
    const unsubscribe = bus.subscribe("BillingChanged", (event) => {
      seen.push(event.whmcsClientId);
    });

    unsubscribe();
    await bus.publish("BillingChanged", paid);

    expect(seen).toEqual([]);
  });
});
