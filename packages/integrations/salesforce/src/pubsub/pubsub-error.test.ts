import * as grpc from "@grpc/grpc-js";
import { describe, expect, it } from "vitest";
import { isReplayIdRejected, toPubSubError } from "./pubsub-error.js";

function serviceError(code: grpc.status, errorCode?: string): grpc.ServiceError {
  const metadata = new grpc.Metadata();
  if (errorCode) metadata.set("error-code", errorCode);
  return Object.assign(new Error("failed"), { code, details: "details rpcId: 1", metadata });
}

describe("toPubSubError", () => {
  it("reads a refused replay id from the error-code trailer", () => {
    const error = toPubSubError(
      "subscribe",
      serviceError(
        grpc.status.INVALID_ARGUMENT,
        "sfdc.platform.eventbus.grpc.subscription.fetch.replayid.corrupted",
      ),
    );
    expect(error).toMatchObject({
      kind: "rejected",
      vendorCode: "sfdc.platform.eventbus.grpc.subscription.fetch.replayid.corrupted",
      vendorMessage: "details rpcId: 1",
    });
    expect(isReplayIdRejected(error)).toBe(true);
  });

  it("makes UNAUTHENTICATED an auth failure and network trouble unavailable", () => {
    expect(
      toPubSubError(
        "subscribe",
        serviceError(grpc.status.UNAUTHENTICATED, "sfdc.platform.eventbus.grpc.service.auth.error"),
      ).kind,
    ).toBe("auth");
    const unavailable = toPubSubError("subscribe", serviceError(grpc.status.UNAVAILABLE));
    expect(unavailable).toMatchObject({ kind: "unavailable", vendorCode: "UNAVAILABLE" });
    expect(isReplayIdRejected(unavailable)).toBe(false);
    expect(
      isReplayIdRejected(toPubSubError("subscribe", serviceError(grpc.status.INVALID_ARGUMENT))),
    ).toBe(false);
  });
});
