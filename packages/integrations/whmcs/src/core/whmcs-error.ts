import {
  UpstreamError,
  type UpstreamErrorDetails,
  type UpstreamErrorKind,
} from "@portal/integration-core";

/**
 * The one error `WhmcsClient` throws: an `UpstreamError` of system `whmcs` whose `operation` is the
 * API action (e.g. `"GetInvoice"`). Kinds as WHMCS produces them:
 * - `unavailable`: WHMCS could not be reached or did not answer in time — network error, timeout,
 *   HTTP 5xx or 429 (reads: after their retries). Worth trying again later.
 * - `rejected`: WHMCS answered `{"result":"error","message":…}` (bad input, unknown id, credentials).
 * - `malformed`: the answer was not JSON, not a WHMCS envelope, or not the documented shape.
 * `message` names the action and the kind but never carries WHMCS text (that is `vendorMessage`,
 * for logs only), so it is safe to log anywhere.
 */
export class WhmcsError extends UpstreamError {
  override readonly name = "WhmcsError";

  /**
   * `details.reason` is the client's own explanation (e.g. `"No answer within 5000 ms"`), appended to
   * the message; `details.vendorMessage` is WHMCS's `message`, kept apart.
   */
  constructor(
    kind: UpstreamErrorKind,
    action: string,
    details: Omit<UpstreamErrorDetails, "message"> & { reason?: string } = {},
  ) {
    const { reason, ...rest } = details;
    const status = rest.httpStatus === undefined ? "" : ` (HTTP ${rest.httpStatus})`;
    const message = `WHMCS ${action} ${kind}${status}${reason ? `: ${reason}` : ""}`;
    super({ system: "whmcs", kind, operation: action, message, ...rest });
  }
}
