import {
  UpstreamError,
  type UpstreamErrorDetails,
  type UpstreamErrorKind,
} from "@portal/integration-core";

/**
 * The one error `FreebitClient` throws: an `UpstreamError` of system `freebit` whose `operation`
 * is the path's name in `contract.ts` (e.g. `"addEsimAccount"`). Kinds:
 * - `unavailable`: no answer in time, network error, HTTP 5xx or 429 (reads: after their retries);
 * - `auth`: `authOem` refused the OEM credentials;
 * - `rejected`: any other `resultCode` than `"100"`; `vendorCode` is `resultCode` (with
 *   `/statusCode` when the answer has one), `vendorMessage` Freebit's `status.message`;
 * - `malformed`: not JSON, no envelope, or not the shape `contract.ts` gives.
 * `message` never carries Freebit's text, so it is safe to log anywhere.
 */
export class FreebitError extends UpstreamError {
  override readonly name = "FreebitError";

  constructor(
    kind: UpstreamErrorKind,
    operation: string,
    details: Omit<UpstreamErrorDetails, "message"> & { reason?: string } = {},
  ) {
    const { reason, ...rest } = details;
    const status = rest.httpStatus === undefined ? "" : ` (HTTP ${rest.httpStatus})`;
    const message = `Freebit ${operation} ${kind}${status}${reason ? `: ${reason}` : ""}`;
    super({ system: "freebit", kind, operation, message, ...rest });
  }

  /** Whether Freebit answered `resultCode` (e.g. `FREEBIT_RESULT_CODES.accountNotFound.resultCode`). */
  hasResultCode(resultCode: string): boolean {
    return this.kind === "rejected" && this.vendorCode?.split("/")[0] === resultCode;
  }
}
