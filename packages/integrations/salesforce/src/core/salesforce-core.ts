import type { KeyObject } from "node:crypto";
import {
  createThrottle,
  silentLogger,
  withReadRetry,
  type CallAccess,
  type Throttle,
  type UpstreamLogger,
} from "@portal/integration-core";
import { Connection } from "jsforce";
import type { z } from "zod";
import { requestAccessToken, SIGN_IN, type AccessToken } from "../auth/access-token.js";
import { signJwtBearerAssertion } from "../auth/jwt-assertion.js";
import { readRsaPrivateKey } from "../auth/private-key.js";
import { SharedSession } from "../auth/shared-session.js";
import { INVALID_SESSION_ID, toSalesforceError } from "../errors/rest-error-response.js";
import { SalesforceError } from "../errors/salesforce-error.js";
import {
  COMPOSITE_MAX_SUBREQUESTS,
  compositeResponseSchema,
  type RawCompositeRequest,
  type RawCompositeSubrequest,
  type RawCompositeSubresponse,
} from "../raw/composite.js";
import { queryResultSchema } from "../raw/query-result.js";
import { salesforceIdSchema } from "../raw/salesforce-id.js";
import type { SalesforceClientConfig } from "./config.js";
import { type PubSubCredentials } from "../pubsub/pubsub-auth.js";
import { FetchTransport } from "./fetch-transport.js";
import { parseResponse } from "./parse-response.js";

/**
 * The throttle lanes: `default` for the quick REST calls (and sign-in), `longRunning` for calls that
 * may take minutes (composite order creation, attachment uploads), so they cannot starve the reads.
 * Source: DESIGN.md §5 "Salesforce has a second queue for long-running calls".
 */
export type SalesforceLane = "default" | "longRunning";

/** How one call is made: reads are retried on transient failures, writes never; the lane it queues in. */
export interface SalesforceCallOptions {
  access: CallAccess;
  /** Default `"default"`. */
  lane?: SalesforceLane;
  /** Extra attempts of a read; default `readRetries`, 0 for a probe that must answer within one timeout. */
  retries?: number;
}

const DEFAULT_LONG_RUNNING = { concurrency: 1, timeoutMs: 120_000 };

/** Longest wait between two attempts of a read, milliseconds. */
const MAX_RETRY_DELAY_MS = 2000;

/** A signed-in session: one jsforce connection per lane, sharing the access token, and the token. */
type Session = Record<SalesforceLane, Connection> & { token: AccessToken };

/** The operation name of reading the session for the Pub/Sub API, in errors. */
const PUBSUB_AUTH = "pubSubAuth";

/**
 * What every Salesforce resource facade shares: auth (JWT bearer sign-in), the session and the
 * transport, under one throttle with two lanes and the kit's read retry.
 *
 * - Signs in lazily with the OAuth 2.0 JWT bearer flow (`aud` = `audience`, not the login URL);
 *   concurrent first calls share one sign-in. When Salesforce answers `INVALID_SESSION_ID` (token
 *   expired or revoked) it signs in once more and repeats the call once — safe for writes too, since
 *   Salesforce processed nothing.
 * - Every HTTP call, sign-in included, goes through the throttle and is reported to the observer.
 * - Every failure is a `SalesforceError` naming the operation.
 *
 * The constructor throws `SalesforceError` (`auth`) when `privateKeyPem` is not an RSA private key.
 * Source: REST API Developer Guide (https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/).
 */
export class SalesforceCore {
  readonly #config: SalesforceClientConfig;
  readonly #loginUrl: string;
  readonly #key: KeyObject;
  readonly #fetch: typeof fetch;
  readonly #transports: Record<SalesforceLane, FetchTransport>;
  readonly #throttle: Throttle<SalesforceLane>;
  readonly #session: SharedSession<Session>;
  readonly logger: UpstreamLogger;

  constructor(config: SalesforceClientConfig) {
    this.#config = config;
    this.#loginUrl = config.loginUrl.replace(/\/+$/, "");
    this.#key = readRsaPrivateKey(config.privateKeyPem);
    this.#fetch = config.fetch ?? globalThis.fetch;
    this.logger = config.logger ?? silentLogger;
    const longRunning = config.longRunning ?? DEFAULT_LONG_RUNNING;
    this.#transports = {
      default: new FetchTransport(this.#fetch, config.timeoutMs),
      longRunning: new FetchTransport(this.#fetch, longRunning.timeoutMs),
    };
    this.#throttle = createThrottle({
      system: "salesforce",
      lanes: {
        default: {
          concurrency: config.concurrency,
          ratePerSecond: config.ratePerSecond,
          timeoutMs: config.timeoutMs,
        },
        longRunning: {
          concurrency: longRunning.concurrency,
          ratePerSecond: config.ratePerSecond,
          timeoutMs: longRunning.timeoutMs,
        },
      },
      observer: config.observer,
      timeoutError: (operation, message, cause) =>
        new SalesforceError("unavailable", operation, { message, cause }),
    });
    this.#session = new SharedSession(() => this.#signIn());
  }

  /**
   * Runs `request` on the signed-in connection of its lane, under the throttle, retried when it is a
   * read that failed transiently.
   * @throws SalesforceError of `operation`
   */
  call<T>(
    operation: string,
    request: (conn: Connection) => Promise<T>,
    options: SalesforceCallOptions,
  ): Promise<T> {
    return withReadRetry(() => this.#once(operation, request, options.lane ?? "default"), {
      access: options.access,
      operation,
      retries: options.retries ?? this.#config.readRetries,
      maxDelayMs: MAX_RETRY_DELAY_MS,
      logger: this.logger,
    });
  }

  /**
   * One call with one re-sign-in and one repeat when the session was refused.
   * jsforce's own `refreshFn` hook is not used: its HttpApi treats every 401 as an expired session and
   * re-sends after each refresh without a bound (jsforce 3 `src/http-api.ts`), so a session Salesforce
   * keeps refusing would loop sign-ins forever.
   */
  async #once<T>(
    operation: string,
    request: (conn: Connection) => Promise<T>,
    lane: SalesforceLane,
  ): Promise<T> {
    const send = (session: Session) =>
      this.#throttle(lane, operation, () =>
        request(session[lane]).catch((error: unknown) => {
          throw toSalesforceError(operation, error);
        }),
      );
    const session = await this.#session.get();
    try {
      return await send(session);
    } catch (error) {
      if (!(error instanceof SalesforceError && error.vendorCode === INVALID_SESSION_ID))
        throw error;
      this.logger.warn(
        { operation, vendorCode: error.vendorCode },
        "Salesforce refused the session, signing in again",
      );
      return send(await this.#session.renew(session));
    }
  }

  /**
   * The current session as Pub/Sub API metadata (signing in first when there is none).
   * @throws SalesforceError `auth` when signing in fails or the token response named no org id
   *   (`id` identity URL), which the Pub/Sub API needs as `tenantid`.
   */
  async pubSubCredentials(): Promise<PubSubCredentials> {
    return pubSubCredentialsOf((await this.#session.get()).token);
  }

  /**
   * Credentials other than `stale`, which the Pub/Sub API refused: the session is renewed unless
   * another caller (a REST call, another subscription) already did.
   * @throws SalesforceError as {@link pubSubCredentials}.
   */
  async renewPubSubCredentials(stale: PubSubCredentials): Promise<PubSubCredentials> {
    const session = await this.#session.get();
    if (session.token.accessToken !== stale.accessToken) return pubSubCredentialsOf(session.token);
    this.logger.warn(
      { operation: PUBSUB_AUTH },
      "The Pub/Sub API refused the session, signing in again",
    );
    return pubSubCredentialsOf((await this.#session.renew(session)).token);
  }

  /**
   * Runs a SOQL query (`GET query?q=`, the text built by `soql` on the connection, e.g. with
   * jsforce's query builder) and returns every record, validated against `record`: when Salesforce
   * answers in batches (`done: false`), it follows each `nextRecordsUrl` (the query locator
   * resource) until `done`. Each batch is its own read call: throttled, timed and retried on its
   * own. Batches hold `queryBatchSize` rows when configured (`Sforce-Query-Options`).
   * Source: REST API Developer Guide, "Execute a SOQL Query" ("Retrieving the Remaining SOQL Query
   * Results"), "Query Options Header".
   * @throws SalesforceError of `operation`: `malformed` when a batch is not the documented shape
   *   (`what` names it) or a `nextRecordsUrl` is missing or not a query locator path; otherwise as
   *   any call.
   */
  async queryRecords<Schema extends z.ZodType>(
    operation: string,
    soql: (conn: Connection) => Promise<string>,
    record: Schema,
    what: string,
  ): Promise<z.output<Schema>[]> {
    const schema = queryResultSchema(record);
    const headers: Record<string, string> =
      this.#config.queryBatchSize === undefined
        ? {}
        : { "Sforce-Query-Options": `batchSize=${this.#config.queryBatchSize}` };
    const get = (conn: Connection, url: string) =>
      conn.request<unknown>({ method: "GET", url, headers });
    let batch = parseResponse(
      schema,
      await this.call(
        operation,
        async (conn) => get(conn, `/query?q=${encodeURIComponent(await soql(conn))}`),
        { access: "read" },
      ),
      operation,
      what,
    );
    const records: z.output<Schema>[] = [...batch.records];
    while (!batch.done) {
      const next = batch.nextRecordsUrl;
      if (next === undefined || !NEXT_RECORDS_PATH.test(next)) {
        throw new SalesforceError("malformed", operation, {
          message: "Salesforce answered an unfinished query without a query locator path",
        });
      }
      batch = parseResponse(
        schema,
        await this.call(operation, (conn) => get(conn, next), { access: "read" }),
        operation,
        what,
      );
      records.push(...batch.records);
    }
    return records;
  }

  /**
   * Sends one Composite request (`POST composite`) and returns the subrequest results in request
   * order, each validated as `{ body, httpHeaders, httpStatusCode, referenceId }`. `build` gets the
   * resource path prefix of the connection's API version (`/services/data/v62.0`) for the
   * subrequest URLs. A composite is a write: it goes on the long-running lane and is never
   * retried blindly (a lost answer may mean the work was done) — the caller makes it idempotent.
   * The top-level answer is 200 even when subrequests failed: the caller inspects them
   * (`compositeFailure`).
   * Source: REST API Developer Guide, "Composite".
   * @throws SalesforceError of `operation`: `rejected` before sending for no or more than 25
   *   subrequests, or when Salesforce refuses the request as a whole; `malformed` for an answer
   *   that is not the documented shape or lacks a subrequest; otherwise as any call.
   */
  async composite(
    operation: string,
    build: (apiPrefix: string) => Omit<RawCompositeRequest, "compositeRequest"> & {
      compositeRequest: RawCompositeSubrequest[];
    },
  ): Promise<RawCompositeSubresponse[]> {
    let sent = 0;
    const body = await this.call(
      operation,
      (conn) => {
        const request = build(`/services/data/v${conn.version}`);
        sent = request.compositeRequest.length;
        if (sent === 0 || sent > COMPOSITE_MAX_SUBREQUESTS) {
          throw new SalesforceError("rejected", operation, {
            message: `A composite request takes 1 to ${COMPOSITE_MAX_SUBREQUESTS} subrequests, not ${sent}`,
          });
        }
        return conn.request<unknown>({
          method: "POST",
          url: "/composite",
          body: JSON.stringify(request),
          headers: { "content-type": "application/json" },
        });
      },
      { access: "write", lane: "longRunning" },
    );
    const { compositeResponse } = parseResponse(
      compositeResponseSchema,
      body,
      operation,
      "composite response",
    );
    if (compositeResponse.length !== sent) {
      throw new SalesforceError("malformed", operation, {
        message: `Salesforce answered ${compositeResponse.length} of ${sent} subrequests`,
      });
    }
    return compositeResponse;
  }

  async #signIn(): Promise<Session> {
    const assertion = await signJwtBearerAssertion(
      {
        clientId: this.#config.clientId,
        username: this.#config.username,
        audience: this.#config.audience,
      },
      this.#key,
    );
    const token = await this.#throttle("default", SIGN_IN, () =>
      requestAccessToken({
        loginUrl: this.#loginUrl,
        assertion,
        fetch: this.#fetch,
        timeoutMs: this.#config.timeoutMs,
      }),
    );
    this.logger.debug({ instanceUrl: token.instanceUrl }, "Signed in to Salesforce");
    const connect = (transport: FetchTransport) => {
      const conn = new Connection({
        instanceUrl: token.instanceUrl,
        accessToken: token.accessToken,
        version: this.#config.apiVersion,
      });
      // jsforce 3 offers no constructor option for the transport; see FetchTransport for why it is replaced.
      conn._transport = transport;
      return conn;
    };
    return {
      default: connect(this.#transports.default),
      longRunning: connect(this.#transports.longRunning),
      token,
    };
  }
}

/**
 * A session's token as Pub/Sub API metadata.
 * @throws SalesforceError `auth` when the token response named no org id.
 */
function pubSubCredentialsOf(token: AccessToken): PubSubCredentials {
  if (token.organizationId === null) {
    throw new SalesforceError("auth", PUBSUB_AUTH, {
      message:
        "The Salesforce token response has no identity URL (`id`) naming the org id the Pub/Sub API needs as tenantid",
    });
  }
  return {
    accessToken: token.accessToken,
    instanceUrl: token.instanceUrl,
    tenantId: token.organizationId,
  };
}

/**
 * Checks a record Id before it goes into SOQL or a URL path.
 * @throws SalesforceError `rejected` of `operation` when `value` is not 15 or 18 letters and digits.
 */
export function recordId(operation: string, value: string): string {
  const parsed = salesforceIdSchema.safeParse(value);
  if (!parsed.success)
    throw new SalesforceError("rejected", operation, {
      message: "Not a Salesforce record Id (15 or 18 letters and digits)",
    });
  return parsed.data;
}

/**
 * A `nextRecordsUrl` the client may follow: a query locator path below this org's REST API
 * (`/services/data/v62.0/query/01gD0000002HU6KIAW-2000`). Anything else is not followed, so a
 * tampered answer cannot send the access token elsewhere.
 */
const NEXT_RECORDS_PATH = /^\/services\/data\/v\d+\.\d+\/(?:query|queryAll)\/[A-Za-z0-9-]+$/;
