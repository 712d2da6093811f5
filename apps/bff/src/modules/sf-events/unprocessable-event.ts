import { UpstreamError } from "@portal/integration-core";
import { ZodError } from "zod";

/** Thrown by the handler for an event it can never act on (an unreadable one: see `reason`). */
export class UnprocessableEventError extends Error {
  override readonly name = "UnprocessableEventError";
}

/**
 * Whether handling an event failed for good — delivering it again would fail the same way: it
 * cannot be read ({@link UnprocessableEventError}), what it names does not fit (`ZodError`, e.g. an
 * Order id that is not one), or Salesforce refused or garbled the read it needed (`rejected`,
 * `malformed`). Such an event is recorded and passed over, so one bad event cannot hold up every
 * later one on its topic (review finding); anything else (`unavailable`, `auth`, the database)
 * leaves it unacknowledged, to come again after the reconnect.
 */
export function isUnprocessable(error: unknown): boolean {
  return (
    error instanceof UnprocessableEventError ||
    error instanceof ZodError ||
    (error instanceof UpstreamError && (error.kind === "rejected" || error.kind === "malformed"))
  );
}
