import { describe, expect, it } from "vitest";
import {
  createThrottle,
  UpstreamError,
  type UpstreamCallRecord,
  type UpstreamObserver,
} from "../src/index.js";

/** A promise the test settles by hand. */
function deferred<T = void>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

function recorder(): UpstreamObserver & { records: UpstreamCallRecord[] } {
  const records: UpstreamCallRecord[] = [];
  return { records, callFinished: (record) => records.push(record) };
}

const lanes = {
  default: { concurrency: 1, ratePerSecond: 1000 },
  longRunning: { concurrency: 1, ratePerSecond: 1000 },
};

describe("createThrottle", () => {
  it("runs no more calls of a lane at once than its concurrency", async () => {
    const throttle = createThrottle({ system: "whmcs", lanes });
    const first = deferred();
    let secondStarted = false;
    const a = throttle("default", "A", () => first.promise);
    const b = throttle("default", "B", async () => {
      secondStarted = true;
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(secondStarted).toBe(false);
    first.resolve();
    await Promise.all([a, b]);
    expect(secondStarted).toBe(true);
  });

  it("keeps lanes apart: a busy long-running lane does not hold up the default lane", async () => {
    const throttle = createThrottle({ system: "salesforce", lanes });
    const slow = deferred();
    const long = throttle("longRunning", "createOrder", () => slow.promise);
    await expect(throttle("default", "getAccount", async () => "quick")).resolves.toBe("quick");
    slow.resolve();
    await long;
  });

  it("fails a call that outlives its lane's timeout as unavailable", async () => {
    const observer = recorder();
    const throttle = createThrottle({
      system: "salesforce",
      lanes: { default: { concurrency: 1, ratePerSecond: 1000, timeoutMs: 20 } },
      observer,
    });
    const never = new Promise<never>(() => undefined);
    const error: unknown = await throttle("default", "query", () => never).catch((e) => e);
    expect(error).toBeInstanceOf(UpstreamError);
    expect(error).toMatchObject({ system: "salesforce", kind: "unavailable", operation: "query" });
    expect(observer.records).toMatchObject([
      { system: "salesforce", operation: "query", outcome: "unavailable" },
    ]);
  });

  it("builds the timeout error with the system's own error type when given one", async () => {
    class VendorError extends UpstreamError {}
    const throttle = createThrottle({
      system: "salesforce",
      lanes: { default: { concurrency: 1, ratePerSecond: 1000, timeoutMs: 20 } },
      timeoutError: (operation, message, cause) =>
        new VendorError({ system: "salesforce", kind: "unavailable", operation, message, cause }),
    });
    const never = new Promise<never>(() => undefined);
    const error: unknown = await throttle("default", "query", () => never).catch((e) => e);
    expect(error).toBeInstanceOf(VendorError);
    expect((error as VendorError).message).toBe("salesforce query timed out after 20 ms");
  });

  it("reports every call once to the observer, with its outcome and HTTP status", async () => {
    const observer = recorder();
    const throttle = createThrottle({ system: "whmcs", lanes, observer });
    await throttle("default", "GetInvoices", async () => "ok");
    const rejected = new UpstreamError({
      system: "whmcs",
      kind: "rejected",
      operation: "GetInvoice",
      httpStatus: 200,
    });
    await expect(throttle("default", "GetInvoice", () => Promise.reject(rejected))).rejects.toBe(
      rejected,
    );
    await expect(
      throttle("default", "AddClient", () => Promise.reject(new TypeError("bug"))),
    ).rejects.toThrow("bug");

    expect(observer.records).toHaveLength(3);
    expect(observer.records[0]).toEqual({
      system: "whmcs",
      operation: "GetInvoices",
      outcome: "ok",
      durationMs: expect.any(Number),
    });
    expect(observer.records[1]).toMatchObject({
      operation: "GetInvoice",
      outcome: "rejected",
      httpStatus: 200,
    });
    expect(observer.records[2]).toMatchObject({ operation: "AddClient", outcome: "malformed" });
  });
});
