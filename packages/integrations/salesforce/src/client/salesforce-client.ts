import type { KeyObject } from "node:crypto";
import { customerNumberSchema, type CustomerAccount, type CustomerContact } from "@portal/domain";
import { Connection } from "jsforce";
import { z } from "zod";
import { requestAccessToken } from "../auth/access-token.js";
import { signJwtBearerAssertion } from "../auth/jwt-assertion.js";
import { readRsaPrivateKey } from "../auth/private-key.js";
import { SharedSession } from "../auth/shared-session.js";
import { INVALID_SESSION_ID } from "../errors/rest-error-response.js";
import { SalesforceError } from "../errors/salesforce-error.js";
import { toRawAccountPortalLink, type AccountPortalLink } from "../mappers/account-portal-link.js";
import { toCustomerAccount } from "../mappers/customer-account.js";
import { toCustomerContact } from "../mappers/customer-contact.js";
import { accountFields, rawAccountSchema } from "../raw/account.js";
import { contactFields, rawContactSchema } from "../raw/contact.js";
import { limitsSchema } from "../raw/limits.js";
import { queryResultSchema } from "../raw/query-result.js";
import { salesforceIdSchema } from "../raw/salesforce-id.js";
import { FetchTransport } from "./fetch-transport.js";
import { parseResponse } from "./parse-response.js";
import { retryRead } from "./read-retry.js";
import type { SalesforceClientConfig, SalesforceLogger } from "./salesforce-client-config.js";
import { createThrottle, type Schedule } from "./throttle.js";

const accountQueryResultSchema = queryResultSchema(rawAccountSchema);
const contactQueryResultSchema = queryResultSchema(rawContactSchema);
const accountPortalLinkSchema = z.object({
  billingClientId: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  registrationSource: z.string().trim().min(1),
});
const silentLogger: SalesforceLogger = { warn: () => undefined, debug: () => undefined };

/**
 * The Salesforce REST client the BFF uses for sign-up and the account link (DESIGN.md §4).
 *
 * - Signs in lazily with the OAuth 2.0 JWT bearer flow; concurrent first calls share one sign-in. When
 *   Salesforce answers `INVALID_SESSION_ID` (token expired or revoked) the client signs in once more and
 *   repeats the call once — safe for writes too, since Salesforce processed nothing.
 * - Every HTTP call, sign-in included, goes through one throttle (`concurrency`, `ratePerSecond`,
 *   `timeoutMs` per call).
 * - Reads are retried `readRetries` times on transient failures; writes are sent once.
 * - SOQL is built by jsforce's query builder from validated input, never by string concatenation.
 * - Every method rejects with `SalesforceError` only (kinds: unavailable, rejected, malformed, auth).
 *
 * The constructor throws `SalesforceError` (`auth`) when `privateKeyPem` is not an RSA private key.
 * Source: REST API Developer Guide (https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/).
 */
export class SalesforceClient {
  readonly #loginUrl: string;
  readonly #clientId: string;
  readonly #username: string;
  readonly #apiVersion: string;
  readonly #timeoutMs: number;
  readonly #readRetries: number;
  readonly #key: KeyObject;
  readonly #fetch: typeof fetch;
  readonly #logger: SalesforceLogger;
  readonly #transport: FetchTransport;
  readonly #schedule: Schedule;
  readonly #session: SharedSession<Connection>;

  constructor(config: SalesforceClientConfig) {
    this.#loginUrl = config.loginUrl.replace(/\/+$/, "");
    this.#clientId = config.clientId;
    this.#username = config.username;
    this.#apiVersion = config.apiVersion;
    this.#timeoutMs = config.timeoutMs;
    this.#readRetries = config.readRetries;
    this.#key = readRsaPrivateKey(config.privateKeyPem);
    this.#fetch = config.fetch ?? globalThis.fetch;
    this.#logger = config.logger ?? silentLogger;
    this.#transport = new FetchTransport(this.#fetch, config.timeoutMs);
    this.#schedule = createThrottle({
      concurrency: config.concurrency,
      ratePerSecond: config.ratePerSecond,
      timeoutMs: config.timeoutMs,
    });
    this.#session = new SharedSession(() => this.#signIn());
  }

  /**
   * The Account whose customer number (`SF_Account_No__c`) is `customerNumber` (6–10 digits, surrounding
   * spaces ignored), or null when none has it. Sends
   * `SELECT Id, Name, SF_Account_No__c, Portal_Status__c, WH_Account__c, Portal_Registration_Source__c
   * FROM Account WHERE SF_Account_No__c = '<number>' LIMIT 2`.
   * Throws `SalesforceError`: `rejected` before any call when the input is not a customer number;
   * `malformed` when two Accounts share the number; otherwise as any call.
   */
  async findAccountByCustomerNumber(customerNumber: string): Promise<CustomerAccount | null> {
    const parsed = customerNumberSchema.safeParse(customerNumber);
    if (!parsed.success)
      throw new SalesforceError("rejected", "Not a customer number (6 to 10 digits)");
    const body = await this.#read("findAccountByCustomerNumber", async (conn) => {
      const soql = await conn
        .sobject("Account")
        .find({ SF_Account_No__c: parsed.data }, [...accountFields])
        .limit(2)
        .toSOQL();
      return this.#query(conn, soql);
    });
    const { records } = parseResponse(accountQueryResultSchema, body, "Account query result");
    const [first, second] = records;
    if (second) {
      this.#logger.warn(
        { accountIds: [first?.Id, second.Id] },
        "Two Salesforce Accounts share one customer number",
      );
      throw new SalesforceError(
        "malformed",
        "More than one Salesforce Account has this customer number",
      );
    }
    return first ? toCustomerAccount(first) : null;
  }

  /**
   * The Account with Id `accountId` (15 or 18 characters), or null when Salesforce has no such Account
   * (`NOT_FOUND`). Sends `GET sobjects/Account/<Id>?fields=Id,Name,SF_Account_No__c,Portal_Status__c,
   * WH_Account__c,Portal_Registration_Source__c`.
   * Throws `SalesforceError`: `rejected` before any call when `accountId` is not a record Id; otherwise as any call.
   */
  async getAccount(accountId: string): Promise<CustomerAccount | null> {
    const id = recordId(accountId);
    try {
      const body = await this.#read("getAccount", (conn) =>
        conn.sobject("Account").retrieve(id, { fields: [...accountFields] }),
      );
      return toCustomerAccount(parseResponse(rawAccountSchema, body, "Account"));
    } catch (error) {
      if (error instanceof SalesforceError && error.errorCode === "NOT_FOUND") return null;
      throw error;
    }
  }

  /**
   * The Account's first Contact by creation date, or null when it has none. Sends
   * `SELECT Id, AccountId, FirstName, LastName, Email, Phone FROM Contact WHERE AccountId = '<Id>'
   * ORDER BY CreatedDate ASC LIMIT 1`.
   * Throws `SalesforceError`: `rejected` before any call when `accountId` is not a record Id; otherwise as any call.
   */
  async findPrimaryContact(accountId: string): Promise<CustomerContact | null> {
    const id = recordId(accountId);
    const body = await this.#read("findPrimaryContact", async (conn) => {
      const soql = await conn
        .sobject("Contact")
        .find({ AccountId: id }, [...contactFields])
        .sort({ CreatedDate: "ASC" })
        .limit(1)
        .toSOQL();
      return this.#query(conn, soql);
    });
    const [first] = parseResponse(contactQueryResultSchema, body, "Contact query result").records;
    return first ? toCustomerContact(first) : null;
  }

  /**
   * Records on the Account that the customer now has a portal user and a WHMCS client:
   * `PATCH sobjects/Account/<Id>` with `{ Portal_Status__c: "Active", WH_Account__c: "<billingClientId>",
   * Portal_Registration_Source__c }`. Sent once, never retried (the caller decides; the PATCH itself is
   * idempotent, so re-running the whole sign-up step is safe).
   * Throws `SalesforceError`: `rejected` before any call when an argument is invalid, or when Salesforce
   * refuses (`NOT_FOUND`, validation rules); otherwise as any call.
   */
  async linkPortalAccount(accountId: string, link: AccountPortalLink): Promise<void> {
    const id = recordId(accountId);
    const parsed = accountPortalLinkSchema.safeParse(link);
    if (!parsed.success) {
      throw new SalesforceError(
        "rejected",
        "A portal link needs a positive billing client id and a registration source",
      );
    }
    await this.#call((conn) =>
      conn.sobject("Account").update({ Id: id, ...toRawAccountPortalLink(parsed.data) }),
    );
  }

  /**
   * Health probe: signs in when needed and reads the org's limits (`GET limits`), one attempt, no retry,
   * so the result reflects Salesforce right now. Resolves when Salesforce answers with the documented
   * shape; rejects with `SalesforceError` otherwise.
   */
  async ping(): Promise<void> {
    const body = await this.#call((conn) => conn.limits());
    parseResponse(limitsSchema, body, "limits response");
  }

  /** `GET query?q=<SOQL>`, returning the raw body for the caller's schema. */
  #query(conn: Connection, soql: string): Promise<unknown> {
    return conn.request<unknown>(`/query?q=${encodeURIComponent(soql)}`);
  }

  #read<T>(operation: string, request: (conn: Connection) => Promise<T>): Promise<T> {
    return retryRead(() => this.#call(request), {
      retries: this.#readRetries,
      operation,
      logger: this.#logger,
    });
  }

  /**
   * One call under the throttle, with one re-sign-in and one repeat when the session was refused.
   * jsforce's own `refreshFn` hook is not used: its HttpApi treats every 401 as an expired session and
   * re-sends after each refresh without a bound (jsforce 3 `src/http-api.ts`), so a session Salesforce
   * keeps refusing would loop sign-ins forever.
   */
  async #call<T>(request: (conn: Connection) => Promise<T>): Promise<T> {
    const conn = await this.#session.get();
    try {
      return await this.#schedule(() => request(conn));
    } catch (error) {
      if (!(error instanceof SalesforceError && error.errorCode === INVALID_SESSION_ID))
        throw error;
      this.#logger.warn(
        { errorCode: error.errorCode },
        "Salesforce refused the session, signing in again",
      );
      const fresh = await this.#session.renew(conn);
      return this.#schedule(() => request(fresh));
    }
  }

  async #signIn(): Promise<Connection> {
    const assertion = await signJwtBearerAssertion(
      { clientId: this.#clientId, username: this.#username, audience: this.#loginUrl },
      this.#key,
    );
    const token = await this.#schedule(() =>
      requestAccessToken({
        loginUrl: this.#loginUrl,
        assertion,
        fetch: this.#fetch,
        timeoutMs: this.#timeoutMs,
      }),
    );
    this.#logger.debug({ instanceUrl: token.instanceUrl }, "Signed in to Salesforce");
    const conn = new Connection({
      instanceUrl: token.instanceUrl,
      accessToken: token.accessToken,
      version: this.#apiVersion,
    });
    // jsforce 3 offers no constructor option for the transport; see FetchTransport for why it is replaced.
    conn._transport = this.#transport;
    return conn;
  }
}

/** Checks a record Id before it goes into SOQL or a URL path; throws `SalesforceError` (`rejected`). */
function recordId(value: string): string {
  const parsed = salesforceIdSchema.safeParse(value);
  if (!parsed.success)
    throw new SalesforceError(
      "rejected",
      "Not a Salesforce record Id (15 or 18 letters and digits)",
    );
  return parsed.data;
}
