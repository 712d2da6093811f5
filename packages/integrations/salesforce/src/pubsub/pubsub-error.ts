import * as grpc from "@grpc/grpc-js";
import { SalesforceError } from "../errors/salesforce-error.js";

/**
 * The part of the `error-code` trailers Salesforce sends when a subscription's replay id is
 * unknown or has left the retention window (`…subscription.fetch.replayid.corrupted`,
 * `…subscription.fetch.replayid.validation.failed`); the official sample matches on it too.
 * Source: vendor-facts §1.6 (Pub/Sub API "Handling Errors"; `Subscribe.java`).
 */
const REPLAY_ID_ERROR = "fetch.replayid.";

/** The `error-code` trailer Salesforce sends for bad or expired auth metadata. */
const AUTH_ERROR = "service.auth.error";

/**
 * A gRPC failure of a Pub/Sub API call as a `SalesforceError` of `operation` (`subscribe`,
 * `getSchema`): `vendorCode` is the `error-code` trailer when Salesforce sent one, else the gRPC
 * status name (`UNAVAILABLE`); `vendorMessage` the status details (for logs). Kinds:
 * `auth` for `UNAUTHENTICATED` or the auth error code (sign in again), `rejected` for
 * `INVALID_ARGUMENT`, `NOT_FOUND`, `PERMISSION_DENIED` and `FAILED_PRECONDITION` (a replay id
 * error among them: {@link isReplayIdRejected}), `unavailable` for everything else (network,
 * `UNAVAILABLE`, `RESOURCE_EXHAUSTED`, `INTERNAL`…; retry with backoff).
 * Source: vendor-facts §1.6.
 */
export function toPubSubError(operation: string, error: grpc.ServiceError): SalesforceError {
  const trailer = error.metadata?.get("error-code")[0];
  const errorCode = typeof trailer === "string" ? trailer : undefined;
  const statusName = grpc.status[error.code] ?? String(error.code);
  const kind =
    error.code === grpc.status.UNAUTHENTICATED || errorCode?.includes(AUTH_ERROR)
      ? "auth"
      : REJECTED.has(error.code)
        ? "rejected"
        : "unavailable";
  return new SalesforceError(kind, operation, {
    message: `Salesforce Pub/Sub API ${operation} failed: ${statusName}${errorCode ? ` (${errorCode})` : ""}`,
    vendorCode: errorCode ?? statusName,
    vendorMessage: error.details,
    cause: error,
  });
}

const REJECTED = new Set<grpc.status>([
  grpc.status.INVALID_ARGUMENT,
  grpc.status.NOT_FOUND,
  grpc.status.PERMISSION_DENIED,
  grpc.status.FAILED_PRECONDITION,
]);

/**
 * Whether `error` is Salesforce refusing a subscription's replay id — unknown, malformed or past
 * the retention window — which the official sample answers by subscribing again from `EARLIEST`.
 */
export function isReplayIdRejected(error: unknown): boolean {
  return (
    error instanceof SalesforceError &&
    error.kind === "rejected" &&
    (error.vendorCode?.includes(REPLAY_ID_ERROR) ?? false)
  );
}
