import { CookieJar } from "tough-cookie";

/** What a test reads from one HTTP exchange; `json` is undefined when the body is not JSON. */
export interface TestResponse {
  status: number;
  headers: Headers;
  /** The raw body (binary answers such as PDFs). */
  bytes: Uint8Array;
  text: string;
  json: unknown;
}

/** Options of one request made through an {@link HttpSession}. */
export interface RequestOptions {
  /** Serialised as JSON with `Content-Type: application/json`. */
  body?: unknown;
  /** Sent as is (malformed JSON, oversized bodies); set the content type in `headers`. */
  rawBody?: string;
  headers?: Record<string, string>;
  /** `manual` returns 3xx answers instead of following them (default: manual). */
  redirect?: "manual" | "follow";
}

/**
 * A minimal browser stand-in: `fetch` plus a cookie jar (tough-cookie, RFC 6265 path, expiry and
 * host-only rules), so cookies scoped to `/api/auth` are only sent there, exactly as a browser
 * would. Relative paths resolve against `baseUrl`; absolute URLs are used as given.
 */
export class HttpSession {
  readonly jar = new CookieJar();

  constructor(readonly baseUrl: string) {}

  /** Absolute URL of `pathOrUrl`. */
  url(pathOrUrl: string): string {
    return new URL(pathOrUrl, this.baseUrl).toString();
  }

  /** Sends one request with the jar's cookies and stores the cookies the answer sets. */
  async request(
    method: string,
    pathOrUrl: string,
    options: RequestOptions = {},
  ): Promise<TestResponse> {
    const url = this.url(pathOrUrl);
    const headers = new Headers(options.headers);
    const cookie = await this.jar.getCookieString(url);
    if (cookie && !headers.has("cookie")) {
      headers.set("cookie", cookie);
    }
    let body: string | undefined;
    if (options.rawBody !== undefined) {
      body = options.rawBody;
    } else if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      if (!headers.has("content-type")) {
        headers.set("content-type", "application/json");
      }
    }
    const response = await fetch(url, {
      method,
      headers,
      body,
      redirect: options.redirect ?? "manual",
    });
    for (const setCookie of response.headers.getSetCookie()) {
      await this.jar.setCookie(setCookie, url);
    }
    const bytes = new Uint8Array(await response.arrayBuffer());
    const text = new TextDecoder().decode(bytes);
    return {
      status: response.status,
      headers: response.headers,
      bytes,
      text,
      json: parseJson(text),
    };
  }

  /** Value of cookie `name` as the jar would send it to `pathOrUrl`, or undefined. */
  async cookie(name: string, pathOrUrl = "/"): Promise<string | undefined> {
    const cookies = await this.jar.getCookies(this.url(pathOrUrl));
    return cookies.find((cookie) => cookie.key === name)?.value;
  }

  /** Puts a cookie in the jar as if the server had set it (e.g. to replay an old token). */
  async setCookie(name: string, value: string, path = "/"): Promise<void> {
    await this.jar.setCookie(`${name}=${value}; Path=${path}`, this.url(path));
  }
}

function parseJson(text: string): unknown {
  if (text === "") {
    return undefined;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
