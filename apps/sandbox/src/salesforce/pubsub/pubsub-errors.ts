import * as grpc from "@grpc/grpc-js";

/**
 * The `error-code` trailers the stand-in answers with, verbatim from Salesforce's Pub/Sub API
 * ("Handling Errors"; vendor-facts §1.6).
 */
export const PUBSUB_ERROR_CODES = {
  authError: "sfdc.platform.eventbus.grpc.service.auth.error",
  replayIdCorrupted: "sfdc.platform.eventbus.grpc.subscription.fetch.replayid.corrupted",
  replayIdValidationFailed:
    "sfdc.platform.eventbus.grpc.subscription.fetch.replayid.validation.failed",
} as const;

/**
 * A gRPC error status as Salesforce sends it: `code`, a message ending in `rpcId: <id>`, and —
 * when Salesforce names one — the `error-code` trailer clients match on.
 */
export function pubSubError(
  code: grpc.status,
  message: string,
  rpcId: string,
  errorCode?: string,
): grpc.StatusObject {
  const metadata = new grpc.Metadata();
  if (errorCode !== undefined) metadata.set("error-code", errorCode);
  metadata.set("rpc-id", rpcId);
  return { code, details: `${message} rpcId: ${rpcId}`, metadata };
}
