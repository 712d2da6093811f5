import type { FaultDialect } from "../faults/fault-dialect.js";

/**
 * WHMCS faults: 5xx pages come from the web server in front of PHP (HTML); `whmcs-error` is HTTP
 * 200 `{"result":"error","message":…}`; `match` is an action name (case-insensitive).
 * Source: docs/architecture/wiring.md "Control API"; WHMCS/developer-docs api-reference "Error Responses".
 */
export const WHMCS_FAULT_DIALECT: FaultDialect = {
  ownKinds: ["whmcs-error"],
  matchExample: "GetInvoices",
  matches: (match, action) => match.toLowerCase() === action.toLowerCase(),
  serverError: async (reply, status, message) => {
    await reply
      .code(status)
      .type("text/html; charset=utf-8")
      .send(
        `<html><head><title>${status} Service Unavailable</title></head><body><h1>${message ?? "Service Unavailable"}</h1></body></html>`,
      );
  },
  ownError: async (reply, _kind, message) => {
    await reply
      .code(200)
      .send({ result: "error", message: message ?? "An unexpected error occurred" });
  },
  malformedBody: '{"result":"success","totalresults":',
};
