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

/** Connections in a row that may fail before opening, each after a session renewal, before giving up. */
const MAX_FAILED_CONNECTIONS = 2;

/**
 * Follows the BFF's server-sent events at `path` (relative to `/api`, e.g. `/orders/events`;
 * decision 0071) with the browser's `EventSource`, the session cookies going along as with every
 * same-origin request, until the returned function is called.
 * - The browser reconnects by itself after a dropped connection (after the server's `retry:`).
 * - `reauth` (the access token expires, the session ended) and a connection refused outright (401
 *   after the token expired while the tab slept) renew the session through the API client's
 *   shared {@link refreshSession} and reconnect; when renewing fails, following stops — the
 *   page's ordinary requests then send the customer to sign in.
 * - A connection that keeps failing before it opens (404, 429) is given up after
 *   {@link MAX_FAILED_CONNECTIONS} tries, instead of renewing the session in a loop.
 * Without `EventSource` (not a browser) nothing is followed: the page still shows what it read.
 * @returns the function that stops following (closes the connection).
 */
export function followEventStream(path: string, handlers: EventStreamHandlers): () => void {
  if (typeof EventSource === "undefined") return () => undefined;
  let source: EventSource | null = null;
  let stopped = false;
  let failedConnections = 0;
  let openedBefore = false;

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
    if (stopped || failedConnections >= MAX_FAILED_CONNECTIONS) return;
    const renewed = await refreshSession();
    if (renewed && !stopped) connect();
  };

  connect();
  return () => {
    stopped = true;
    source?.close();
    source = null;
  };
}
