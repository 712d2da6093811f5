import * as grpc from "@grpc/grpc-js";
import type { AccessTokens } from "../oauth/access-tokens.js";
import { ORG_ID } from "../org-identity.js";
import { PUBSUB_ERROR_CODES, pubSubError } from "./pubsub-errors.js";

/**
 * Checks a call's auth metadata as the Pub/Sub API does (vendor-facts §1.4): `accesstoken` must
 * be a current session of the sandbox org (the token the REST API accepts), `tenantid` the org id
 * (15 or 18 characters), `instanceurl` a URL (the stand-in accepts any: the third-party client
 * insists on `https://`, which the sandbox's HTTP instance URL is not). Returns undefined when the
 * call may proceed, else the `UNAUTHENTICATED` status with the `…service.auth.error` trailer.
 */
export function checkPubSubAuth(
  metadata: grpc.Metadata,
  tokens: AccessTokens,
  rpcId: string,
): grpc.StatusObject | undefined {
  const value = (key: string): string => String(metadata.get(key)[0] ?? "");
  const tenant = value("tenantid");
  const instanceUrl = value("instanceurl");
  const valid =
    tokens.isValid(value("accesstoken")) &&
    (tenant === ORG_ID || tenant === ORG_ID.slice(0, 15)) &&
    URL.canParse(instanceUrl);
  return valid
    ? undefined
    : pubSubError(
        grpc.status.UNAUTHENTICATED,
        "Invalid or expired authentication: check accesstoken, instanceurl and tenantid.",
        rpcId,
        PUBSUB_ERROR_CODES.authError,
      );
}
