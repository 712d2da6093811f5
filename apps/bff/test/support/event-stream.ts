import { type HttpSession } from "./http-session.js";

/** One server-sent event as a browser's EventSource sees it, plus the comments before it. */
export interface ServerSentEvent {
  /** `event:` (default `message`). */
  type: string;
  /** `data:` lines joined by newlines. */
  data: string;
  id: string | null;
  /** `retry:` in ms, when the event carried one. */
  retry: number | null;
  /** Comment lines (`: heartbeat`) since the previous event. */
  comments: string[];
}

/**
 * An open `text/event-stream` answer read as the HTML standard's event stream parser does
 * (fields `event`, `data`, `id`, `retry`, comment lines; blocks end with a blank line), for tests.
 * Source: https://html.spec.whatwg.org/multipage/server-sent-events.html#event-stream-interpretation
 */
export class EventStreamReader {
  private buffer = "";
  private readonly decoder = new TextDecoder();
  private readonly reader: ReadableStreamDefaultReader<Uint8Array>;

  private constructor(
    readonly response: Response,
    private readonly abort: AbortController,
  ) {
    if (!response.body) throw new Error("The event stream answer has no body");
    this.reader = response.body.getReader();
  }

  /**
   * `GET path` with the session's cookies, kept open. The caller checks `response.status` and
   * must {@link close} the stream.
   */
  static async open(session: HttpSession, path: string): Promise<EventStreamReader> {
    const abort = new AbortController();
    const url = session.url(path);
    const cookie = await session.jar.getCookieString(url);
    const response = await fetch(url, {
      headers: { accept: "text/event-stream", ...(cookie ? { cookie } : {}) },
      signal: abort.signal,
    });
    return new EventStreamReader(response, abort);
  }

  /**
   * The next event that has data (a block of comments only is folded into the next event's
   * `comments`), or null when the server ended the stream.
   */
  async next(): Promise<ServerSentEvent | null> {
    const comments: string[] = [];
    for (;;) {
      const end = this.buffer.search(/\r?\n\r?\n/);
      if (end >= 0) {
        const block = this.buffer.slice(0, end);
        this.buffer = this.buffer.slice(end).replace(/^\r?\n\r?\n/, "");
        const event = parseBlock(block, comments);
        if (event) return event;
        continue;
      }
      const { done, value } = await this.reader.read();
      if (done) return null;
      this.buffer += this.decoder.decode(value, { stream: true });
    }
  }

  /** Closes the connection, as a browser does when the page goes away. */
  close(): void {
    this.abort.abort();
  }
}

function parseBlock(block: string, comments: string[]): ServerSentEvent | null {
  let type = "message";
  const data: string[] = [];
  let id: string | null = null;
  let retry: number | null = null;
  for (const line of block.split(/\r?\n/)) {
    if (line.startsWith(":")) {
      comments.push(line.slice(1).trim());
      continue;
    }
    const colon = line.indexOf(":");
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? "" : line.slice(colon + 1).replace(/^ /, "");
    if (field === "event") type = value;
    else if (field === "data") data.push(value);
    else if (field === "id") id = value;
    else if (field === "retry") retry = Number(value);
  }
  if (data.length === 0) return null;
  return { type, data: data.join("\n"), id, retry, comments: [...comments] };
}
