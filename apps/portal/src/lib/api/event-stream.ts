import { ORDER_STREAM_EVENTS } from "@portal/domain";
import { refreshSession } from "@/lib/api/client";

/** What {@link followEventStream} does with a stream's events. */
export interface EventStreamHandlers {
  /** By event name: called with the event's `data` parsed as JSON (never for malformed data). */
  events: Record<string, (data: unknown) => void>;
  /**
   * Called when the stream is open again after it had been lost (network, server restart,
   * renewed session): events may have been missed meanwhile.
   */
  onReconnect?: () => void;
}

/** Connections in a row that may fail before opening, each right after a session renewal… */
const MAX_FAILED_CONNECTIONS = 2;
/** …after which each next try waits, from 5 s doubling up to a minute (the BFF may be restarting). */
export const STREAM_RETRY_BASE_MS = 5_000;
const STREAM_RETRY_MAX_MS = 60_000;

/**
 * Follows the BFF's server-sent events at `path` (relative to `/api`, e.g. `/orders/events`;
 * decision 0071) with the browser's `EventSource`, the session cookies going along as with every
 * same-origin request, until the returned function is called.
 * - The browser reconnects by itself after a dropped connection (after the server's `retry:`).
 * - `reauth` (the access token expires, the session ended) and a connection refused outright (401
 *   after the token expired while the tab slept) renew the session through the API client's
 *   shared {@link refreshSession} and reconnect; when renewing fails, following stops — the
 *   page's ordinary requests then send the customer to sign in.
 * - A connection that keeps failing before it opens (a BFF restarting, 404, 429) is tried again
 *   after {@link MAX_FAILED_CONNECTIONS} quick tries only after a wait that grows to a minute,
 *   instead of renewing the session in a loop or giving up for good (review finding).
 * Without `EventSource` (not a browser) nothing is followed: the page still shows what it read.
 * @returns the function that stops following (closes the connection).
 */
export function followEventStream(path: string, handlers: EventStreamHandlers): () => void {
  if (typeof EventSource === "undefined") return () => undefined;
  let source: EventSource | null = null;
  let stopped = false;
  let failedConnections = 0;
  let openedBefore = false;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;

  const connect = () => {
    const current = new EventSource(`/api${path}`);
    source = current;
    let opened = false;
    current.addEventListener("open", () => {
      opened = true;
      failedConnections = 0;
      if (openedBefore) handlers.onReconnect?.();
      openedBefore = true;
    });
    for (const [name, handle] of Object.entries(handlers.events)) {
      current.addEventListener(name, (event) => {
        let data: unknown;
        try {
          data = JSON.parse((event as MessageEvent<string>).data);
        } catch {
          return;
        }
        handle(data);
      });
    }
    current.addEventListener(ORDER_STREAM_EVENTS.reauth, () => void renew());
    current.addEventListener("error", () => {
      // CONNECTING: the browser retries by itself. CLOSED: it gave up (an error status).
      if (current.readyState !== EventSource.CLOSED) return;
      if (!opened) failedConnections += 1;
      void renew();
    });
  };

  const renew = async () => {
    source?.close();
    source = null;
    if (stopped) return;
    if (failedConnections >= MAX_FAILED_CONNECTIONS) {
      const wait = Math.min(
        STREAM_RETRY_MAX_MS,
        STREAM_RETRY_BASE_MS * 2 ** (failedConnections - MAX_FAILED_CONNECTIONS),
      );
      await new Promise<void>((resolve) => {
        retryTimer = setTimeout(resolve, wait);
      });
      if (stopped) return;
    }
    const renewed = await refreshSession();
    if (renewed && !stopped) connect();
  };

  connect();
  return () => {
    stopped = true;
    clearTimeout(retryTimer);
    source?.close();
    source = null;
  };
}
