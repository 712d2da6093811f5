import { PassThrough } from "node:stream";
import type { HttpRequest, HttpResponse } from "jsforce";
// jsforce's CommonJS entry point hands Node only its default object, which carries neither the transport
// base class (jsforce's own extension point: its JSONP, Canvas and proxy transports subclass it) nor
// StreamPromise, so both come from the modules that define them.
import { Transport } from "jsforce/lib/transport.js";
import { StreamPromise } from "jsforce/lib/util/promise.js";
import { RestFailure } from "../errors/rest-failure.js";

/**
 * The HTTP layer under jsforce's `Connection`, replacing jsforce's node-fetch transport, which
 * retries GET/PUT/DELETE up to 5 times on 5xx by itself (jsforce 3 `src/request.ts`) and would multiply
 * our own retry policy. This one:
 * - sends each request once through the configured `fetch`, aborted after `timeoutMs`;
 * - reports every error response (status ≥ 400) and every failure to get one as a `RestFailure`,
 *   which the client core turns into a `SalesforceError` with the operation, HTTP status and the
 *   Salesforce `errorCode` (jsforce's own error drops the status);
 * - hands success responses back to jsforce, which parses the JSON body.
 * Only string bodies are sent: jsforce serialises REST payloads with `JSON.stringify`.
 */
export class FetchTransport extends Transport {
  constructor(
    private readonly fetchFn: typeof fetch,
    private readonly timeoutMs: number,
  ) {
    super();
  }

  override httpRequest(request: HttpRequest): StreamPromise<HttpResponse> {
    return StreamPromise.create(() => {
      const stream = new PassThrough();
      const promise = this.send(request).then((response) => {
        stream.end(response.body);
        return response;
      });
      return { stream, promise };
    });
  }

  private async send(request: HttpRequest): Promise<HttpResponse> {
    if (request.body != null && typeof request.body !== "string") {
      throw new TypeError("FetchTransport sends string bodies only");
    }
    // fetch computes Content-Length itself; jsforce's precomputed one is dropped.
    const { "content-length": _length, ...headers } = request.headers ?? {};
    let response: Response;
    let body: string;
    try {
      response = await this.fetchFn(request.url, {
        method: request.method,
        headers,
        body: request.body ?? undefined,
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      body = await response.text();
    } catch (error) {
      throw new RestFailure(undefined, { cause: error });
    }
    if (response.status >= 400) throw new RestFailure({ status: response.status, body });
    return { statusCode: response.status, headers: Object.fromEntries(response.headers), body };
  }
}
