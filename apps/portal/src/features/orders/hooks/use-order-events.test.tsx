// @vitest-environment jsdom
import { act, screen } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { orderKeys } from "@/features/orders/api/order-keys";
import { OrderDetail } from "@/features/orders/components/order-detail";
import { RecentOrdersCard } from "@/features/orders/components/recent-orders-card";
import { STREAM_RETRY_BASE_MS } from "@/lib/api/event-stream";
import { FakeEventSource, installFakeEventSource } from "@/test/fake-event-source";
import { orderDetail, orderSummary } from "@/test/order-fixtures";
import { renderInPortal } from "@/test/render-in-portal";

const refreshSession = vi.hoisted(() => vi.fn(async () => true));
vi.mock("@/lib/api/client", () => ({ refreshSession }));
vi.mock("next/navigation", () => ({ notFound: () => undefined }));

const ORDER = orderDetail();
const LIST = orderKeys.list({ page: 1, pageSize: 3 });

function renderOrderPage(locale: "ja" | "en" = "en") {
  return renderInPortal(<OrderDetail id={ORDER.id} placed={false} />, {
    locale,
    seed: (client) => {
      client.setQueryData(orderKeys.detail(ORDER.id), ORDER);
      client.setQueryData(LIST, {
        items: [orderSummary()],
        page: 1,
        pageSize: 3,
        totalItems: 1,
        totalPages: 1,
      });
    },
  });
}

/** The only open stream, checked to be at `path`. */
function stream(path: string): FakeEventSource {
  const [source, ...others] = FakeEventSource.open();
  expect(others).toEqual([]);
  expect(source?.url).toBe(`/api${path}`);
  return source!;
}

function currentStep(): string | null {
  return document.querySelector('[aria-current="step"]')?.getAttribute("data-step") ?? null;
}

beforeEach(() => {
  installFakeEventSource();
  refreshSession.mockReset().mockResolvedValue(true);
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("useOrderEvents on the order page", () => {
  it("moves along the fulfilment steps without a reload, announces each step and updates the lists", async () => {
    const { queryClient } = renderOrderPage("en");
    const source = stream(`/orders/${ORDER.id}/events`);
    expect(currentStep()).toBe("approved");
    expect(screen.getByRole("status").textContent).toBe("");

    act(() => {
      source.open();
      source.emit("order", ORDER);
      source.emit("order", { ...ORDER, status: "approved", activationStatus: "activating" });
    });
    expect(currentStep()).toBe("activating");
    expect(
      screen.getByText("We are setting up your service. This page updates by itself."),
    ).toBeDefined();
    expect(screen.getByRole("status").textContent).toBe("Order update: Activating");
    expect(
      queryClient.getQueryData<{ items: { activationStatus: string }[] }>(LIST)?.items[0]
        ?.activationStatus,
    ).toBe("activating");

    act(() => {
      source.emit("order", { ...ORDER, status: "activated", activationStatus: "activated" });
    });
    expect(document.querySelector('[data-step="activated"]')?.getAttribute("data-state")).toBe(
      "complete",
    );
    expect(screen.getByRole("status").textContent).toBe("Order update: Activated");
    // A finished order is followed no more.
    expect(source.closed).toBe(true);
    expect(FakeEventSource.open()).toEqual([]);
  });

  it("announces in Japanese on a Japanese page and ignores malformed events", () => {
    renderOrderPage("ja");
    const source = stream(`/orders/${ORDER.id}/events`);
    act(() => {
      source.emit("order", { id: ORDER.id, status: "nonsense" });
      source.emit("order", { ...ORDER, status: "approved", activationStatus: "failed" });
    });
    expect(currentStep()).toBeNull();
    expect(document.querySelector('[data-step="failed"]')?.textContent).toContain("開通エラー");
    expect(screen.getByRole("status").textContent).toBe("ご注文の状況が更新されました：開通エラー");
  });

  it("renews the session and reconnects on reauth, and after a refused connection", async () => {
    renderOrderPage();
    const first = stream(`/orders/${ORDER.id}/events`);
    act(() => {
      first.open();
      first.emit("reauth", { reason: "token_expiring" });
    });
    expect(first.closed).toBe(true);
    await vi.waitFor(() => expect(FakeEventSource.open()).toHaveLength(1));
    expect(refreshSession).toHaveBeenCalledTimes(1);

    // The access token expired while the tab slept: the stream is refused (401).
    const second = stream(`/orders/${ORDER.id}/events`);
    act(() => second.fail());
    await vi.waitFor(() => expect(FakeEventSource.open()).toHaveLength(1));
    expect(refreshSession).toHaveBeenCalledTimes(2);

    // Refused again right after a renewal (the BFF restarting, 404, 429): no renewal loop — it
    // waits, and only then renews and tries again.
    vi.useFakeTimers();
    try {
      act(() => stream(`/orders/${ORDER.id}/events`).fail());
      await act(async () => {
        await Promise.resolve();
      });
      expect(refreshSession).toHaveBeenCalledTimes(2);
      expect(FakeEventSource.open()).toEqual([]);

      await act(async () => {
        await vi.advanceTimersByTimeAsync(STREAM_RETRY_BASE_MS);
      });
      expect(refreshSession).toHaveBeenCalledTimes(3);
      expect(FakeEventSource.open()).toHaveLength(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it("stops following when the session cannot be renewed", async () => {
    refreshSession.mockResolvedValue(false);
    renderOrderPage();
    act(() => stream(`/orders/${ORDER.id}/events`).emit("reauth", { reason: "session_ended" }));
    await vi.waitFor(() => expect(refreshSession).toHaveBeenCalledTimes(1));
    expect(FakeEventSource.open()).toEqual([]);
  });

  it("closes the stream when the page goes away", () => {
    const { unmount } = renderOrderPage();
    const source = stream(`/orders/${ORDER.id}/events`);
    unmount();
    expect(source.closed).toBe(true);
  });
});

describe("useAccountOrderEvents on the dashboard's orders card", () => {
  it("updates the card's order in place, reads the lists again for an unknown order and after a reconnection", async () => {
    const { queryClient } = renderInPortal(<RecentOrdersCard />, {
      locale: "en",
      seed: (client) =>
        client.setQueryData(LIST, {
          items: [orderSummary()],
          page: 1,
          pageSize: 3,
          totalItems: 1,
          totalPages: 1,
        }),
    });
    const source = stream("/orders/events");
    expect(screen.getByText("Pending review")).toBeDefined();

    act(() => {
      source.open();
      source.emit("order", orderSummary({ status: "approved", activationStatus: "activating" }));
    });
    // TanStack Query tells the card on its next tick.
    expect(await screen.findByText("Setting up")).toBeDefined();
    expect(queryClient.getQueryState(LIST)?.isInvalidated).toBe(false);

    act(() => source.emit("order", orderSummary({ id: "801TEST00000002" })));
    expect(queryClient.getQueryState(LIST)?.isInvalidated).toBe(true);

    // Fresh lists, then the browser reconnects after a lost connection: changes may be missed.
    act(() => queryClient.setQueryData(LIST, queryClient.getQueryData(LIST)));
    expect(queryClient.getQueryState(LIST)?.isInvalidated).toBe(false);
    act(() => source.open());
    expect(queryClient.getQueryState(LIST)?.isInvalidated).toBe(true);
  });

  it("marks the other queries stale when an order has just been activated (new services)", () => {
    const { queryClient } = renderInPortal(<RecentOrdersCard />, {
      seed: (client) => {
        client.setQueryData(LIST, {
          items: [orderSummary({ status: "approved", activationStatus: "activating" })],
          page: 1,
          pageSize: 3,
          totalItems: 1,
          totalPages: 1,
        });
        client.setQueryData(["subscriptions", "list"], []);
      },
    });
    const source = stream("/orders/events");
    act(() =>
      source.emit("order", orderSummary({ status: "activated", activationStatus: "activated" })),
    );
    expect(queryClient.getQueryState(["subscriptions", "list"])?.isInvalidated).toBe(true);
    expect(queryClient.getQueryState(LIST)?.isInvalidated).toBe(false);
  });
});
