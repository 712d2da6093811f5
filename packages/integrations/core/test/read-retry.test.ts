import { afterEach, describe, expect, it, vi } from "vitest";
import { UpstreamError, withReadRetry, type UpstreamErrorKind } from "../src/index.js";

function failure(kind: UpstreamErrorKind, httpStatus?: number) {
  return new UpstreamError({ system: "whmcs", kind, operation: "GetInvoices", httpStatus });
}

/** A call that fails with `errors` in turn, then answers "done"; counts its attempts. */
function flaky(...errors: UpstreamError[]) {
  const state = { attempts: 0 };
  const call = async () => {
    const error = errors[state.attempts];
    state.attempts += 1;
    if (error) throw error;
    return "done";
  };
  return { state, call };
}

const quick = { operation: "GetInvoices", retries: 3, minDelayMs: 1, maxDelayMs: 1 };

afterEach(() => {
  // Spies first: the setTimeout spy wraps the fake timer, which useRealTimers then replaces.
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe("withReadRetry", () => {
  it.each([
    ["a timeout or network error", failure("unavailable")],
    ["HTTP 503", failure("unavailable", 503)],
    ["HTTP 500", failure("unavailable", 500)],
    ["HTTP 429", failure("unavailable", 429)],
  ])("retries a read after %s", async (_label, error) => {
    const { state, call } = flaky(error, error);
    await expect(withReadRetry(call, { ...quick, access: "read" })).resolves.toBe("done");
    expect(state.attempts).toBe(3);
  });

  it.each([
    ["a refusal", failure("rejected", 200)],
    ["a malformed answer", failure("malformed", 200)],
    ["refused credentials", failure("auth", 401)],
    ["a spent daily allowance (unavailable on 403)", failure("unavailable", 403)],
  ])("does not retry %s", async (_label, error) => {
    const { state, call } = flaky(error);
    await expect(withReadRetry(call, { ...quick, access: "read" })).rejects.toBe(error);
    expect(state.attempts).toBe(1);
  });

  it("never retries a write, even after a transient failure", async () => {
    const error = failure("unavailable", 503);
    const { state, call } = flaky(error);
    await expect(withReadRetry(call, { ...quick, access: "write" })).rejects.toBe(error);
    expect(state.attempts).toBe(1);
  });

  it("gives up after `retries` extra attempts with the last error", async () => {
    const errors = [503, 502, 504].map((status) => failure("unavailable", status));
    const { state, call } = flaky(...errors, failure("unavailable", 500));
    const error = await withReadRetry(call, { ...quick, access: "read", retries: 2 }).catch(
      (e: unknown) => e,
    );
    expect(error).toBe(errors[2]);
    expect(state.attempts).toBe(3);
  });

  it("waits exponentially longer between attempts, times a random factor of 1 to 2, capped", async () => {
    vi.useFakeTimers();
    const timers = vi.spyOn(globalThis, "setTimeout");
    vi.spyOn(Math, "random").mockReturnValueOnce(0).mockReturnValueOnce(0.5).mockReturnValue(0.99);
    const error = failure("unavailable", 503);
    const { call } = flaky(error, error, error);
    const result = withReadRetry(call, {
      operation: "GetInvoices",
      access: "read",
      retries: 3,
      minDelayMs: 100,
      maxDelayMs: 500,
    });
    await vi.runAllTimersAsync();
    await expect(result).resolves.toBe("done");
    // 100 × 2⁰ × 1, 100 × 2¹ × 1.5, 100 × 2² × 1.99 = 796 → capped at 500.
    expect(timers.mock.calls.map(([, delay]) => delay)).toEqual([100, 300, 500]);
  });

  it("logs each retry with the system, operation and status", async () => {
    const warn = vi.fn();
    const { call } = flaky(failure("unavailable", 503));
    await withReadRetry(call, {
      ...quick,
      access: "read",
      logger: { warn, debug: () => undefined },
    });
    expect(warn).toHaveBeenCalledOnce();
    expect(warn.mock.calls[0]?.[0]).toMatchObject({
      system: "whmcs",
      operation: "GetInvoices",
      httpStatus: 503,
      retriesLeft: 3,
    });
  });
});
