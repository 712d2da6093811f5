import type { raw } from "@portal/salesforce";
import type { FaultDialect } from "../faults/fault-dialect.js";

/**
 * Salesforce faults: errors are `[{ errorCode, message }]` arrays; `sf-request-limit` is HTTP 403
 * `REQUEST_LIMIT_EXCEEDED`; `match` is part of the request path (`/query`, `/sobjects/Account`).
 * Source: Salesforce REST API Developer Guide, "Status Codes and Error Responses".
 */
export const SALESFORCE_FAULT_DIALECT: FaultDialect = {
  ownKinds: ["sf-request-limit"],
  matchExample: "/query",
  matches: (match, path) => path.includes(match),
  serverError: async (reply, status, message) => {
    await reply.code(status).send([
      {
        errorCode: "SERVER_UNAVAILABLE",
        message: message ?? "Server temporarily unavailable.",
      },
    ] satisfies raw.RawRestError[]);
  },
  ownError: async (reply, _kind, message) => {
    await reply.code(403).send([
      {
        errorCode: "REQUEST_LIMIT_EXCEEDED",
        message: message ?? "TotalRequests Limit exceeded.",
      },
    ] satisfies raw.RawRestError[]);
  },
  malformedBody: '{"totalSize":1,"done":true,"records":[{"attr',
};
