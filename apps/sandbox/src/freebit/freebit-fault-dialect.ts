import { FREEBIT_RESULT_CODES } from "@portal/freebit";
import type { FaultDialect } from "../faults/fault-dialect.js";

/**
 * Freebit faults: 5xx pages from the web server (HTML); `freebit-error` is HTTP 200 with
 * `resultCode "400"` and the fault's message; `match` is part of a path (`/mvno/esim/addAcnt/`,
 * `addAcnt`), case-insensitive. Source: contract table in `@portal/freebit`.
 */
export const FREEBIT_FAULT_DIALECT: FaultDialect = {
  ownKinds: ["freebit-error"],
  matchExample: "/mvno/esim/addAcnt/",
  matches: (match, path) => path.toLowerCase().includes(match.toLowerCase()),
  serverError: async (reply, status, message) => {
    await reply
      .code(status)
      .type("text/html; charset=utf-8")
      .send(`<html><body><h1>${message ?? "Service Unavailable"}</h1></body></html>`);
  },
  ownError: async (reply, _kind, message) => {
    await reply.code(200).send({
      resultCode: FREEBIT_RESULT_CODES.invalidRequest.resultCode,
      status: { message: message ?? "Error", statusCode: "400" },
    });
  },
  malformedBody: '{"resultCode":"100","account":',
};
