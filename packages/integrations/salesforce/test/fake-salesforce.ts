import { generateKeyPairSync, type KeyObject } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import {
  decodeProtectedHeader,
  jwtVerify,
  type JWTPayload,
  type ProtectedHeaderParameters,
} from "jose";

/** A scripted answer: a JSON body, a raw text body, or no answer at all until the client gives up. */
export type FakeReply = { status: number; json?: unknown; text?: string } | { hang: true };

/** One request the fake received on the REST API (`/services/data/...`). */
export interface RecordedRequest {
  method: string;
  /** Path relative to `/services/data/v62.0`, without the query string, e.g. `/sobjects/Account/001...`. */
  path: string;
  /** Decoded `q` (SOQL) or `fields` parameter. */
  q: string | null;
  fields: string | null;
  authorization: string | undefined;
  body: string;
}

/** A verified JWT bearer assertion the token endpoint accepted or refused. */
export interface RecordedAssertion {
  header: ProtectedHeaderParameters;
  payload: JWTPayload;
  grantType: string | null;
}

const API_VERSION = "62.0";
/** One test key pair per test file: RSA key generation is slow enough to matter on a shared machine. */
const testKeys = generateKeyPairSync("rsa", { modulusLength: 2048 });

/** A record as the REST API returns it, with its `attributes`. */
export function sfRecord(type: string, fields: { Id: string } & Record<string, unknown>) {
  return {
    attributes: { type, url: `/services/data/v${API_VERSION}/sobjects/${type}/${fields.Id}` },
    ...fields,
  };
}

/**
 * A small stand-in for a Salesforce org on 127.0.0.1, port 0: the JWT bearer token endpoint (verifying
 * the RS256 signature with the test key pair), and REST `query` (answers only SOQL registered verbatim,
 * anything else is `MALFORMED_QUERY`), `sobjects/Account/{Id}` GET/PATCH and `limits`, all requiring a
 * token it issued. Faults answer matching calls (path substring) before the normal handling.
 */
export class FakeSalesforce {
  readonly clientId = "3MVG9fake.consumer.key";
  readonly username = "integration@portal.example.jp";
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
  readonly requests: RecordedRequest[] = [];
  readonly assertions: RecordedAssertion[] = [];
  readonly accounts = new Map<string, Record<string, unknown>>();
  readonly queries = new Map<string, Record<string, unknown>[]>();
  limits: unknown = {
    DailyApiRequests: { Max: 15000, Remaining: 14990 },
    DataStorageMB: { Max: 5, Remaining: 5 },
  };
  url = "";
  #server: Server;
  #faults: { match: string; reply: FakeReply; times: number }[] = [];
  #validTokens = new Set<string>();
  #issued = 0;

  private constructor() {
    this.privateKey = testKeys.privateKey;
    this.publicKey = testKeys.publicKey;
    this.#server = createServer((req, res) => {
      void this.#handle(req, res);
    });
  }

  static async start(): Promise<FakeSalesforce> {
    const fake = new FakeSalesforce();
    await new Promise<void>((resolve) => fake.#server.listen(0, "127.0.0.1", resolve));
    fake.url = `http://127.0.0.1:${(fake.#server.address() as AddressInfo).port}`;
    return fake;
  }

  /** PEM of the test private key: `pkcs8` (`BEGIN PRIVATE KEY`) or `pkcs1` (`BEGIN RSA PRIVATE KEY`). */
  privateKeyPem(format: "pkcs8" | "pkcs1" = "pkcs8"): string {
    return this.privateKey.export({ type: format, format: "pem" }).toString();
  }

  /** Answers the next `times` calls whose path contains `match` with `reply`. */
  fault(match: string, reply: FakeReply, times = Number.POSITIVE_INFINITY): void {
    this.#faults.push({ match, reply, times });
  }

  /** Revokes every issued access token, as an expired session looks to the client. */
  expireSessions(): void {
    this.#validTokens.clear();
  }

  /** REST requests with this method whose path starts with `prefix`. */
  count(method: string, prefix: string): number {
    return this.requests.filter((r) => r.method === method && r.path.startsWith(prefix)).length;
  }

  async close(): Promise<void> {
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req);
    const url = new URL(req.url ?? "/", this.url);
    if (req.method === "POST" && url.pathname === "/services/oauth2/token") {
      const fault = this.#takeFault(url.pathname);
      if (fault) return reply(res, fault);
      return reply(res, await this.#token(new URLSearchParams(body)));
    }
    const prefix = `/services/data/v${API_VERSION}`;
    if (!url.pathname.startsWith(prefix)) return reply(res, notFound());
    const path = url.pathname.slice(prefix.length);
    this.requests.push({
      method: req.method ?? "",
      path,
      q: url.searchParams.get("q"),
      fields: url.searchParams.get("fields"),
      authorization: req.headers.authorization,
      body,
    });
    const fault = this.#takeFault(path);
    if (fault) return reply(res, fault);
    const token = req.headers.authorization?.replace(/^Bearer /, "") ?? "";
    if (!this.#validTokens.has(token)) {
      return reply(res, {
        status: 401,
        json: [{ message: "Session expired or invalid", errorCode: "INVALID_SESSION_ID" }],
      });
    }
    return reply(res, this.#rest(req.method ?? "", path, url.searchParams, body));
  }

  async #token(form: URLSearchParams): Promise<FakeReply> {
    const assertion = form.get("assertion") ?? "";
    try {
      const { payload, protectedHeader } = await jwtVerify(assertion, this.publicKey, {
        algorithms: ["RS256"],
        issuer: this.clientId,
        subject: this.username,
        // Salesforce's audiences, never the org's own URL (Salesforce Help, "OAuth 2.0 JWT Bearer Flow").
        audience: ["https://login.salesforce.com", "https://test.salesforce.com"],
      });
      this.assertions.push({ header: protectedHeader, payload, grantType: form.get("grant_type") });
    } catch (error) {
      this.assertions.push({
        header: assertion ? decodeProtectedHeader(assertion) : {},
        payload: {},
        grantType: form.get("grant_type"),
      });
      return {
        status: 400,
        json: {
          error: "invalid_grant",
          error_description: `invalid assertion: ${(error as Error).message}`,
        },
      };
    }
    const token = `00DFAKE!token-${++this.#issued}`;
    this.#validTokens.add(token);
    return {
      status: 200,
      json: {
        access_token: token,
        scope: "api",
        instance_url: this.url,
        id: `${this.url}/id/00DFAKE/005FAKE`,
        token_type: "Bearer",
      },
    };
  }

  #rest(method: string, path: string, params: URLSearchParams, body: string): FakeReply {
    if (method === "GET" && path === "/query") {
      const soql = params.get("q") ?? "";
      const records = this.queries.get(soql);
      if (!records)
        return {
          status: 400,
          json: [{ message: `unexpected SOQL: ${soql}`, errorCode: "MALFORMED_QUERY" }],
        };
      return { status: 200, json: { totalSize: records.length, done: true, records } };
    }
    if (method === "GET" && path === "/limits") return { status: 200, json: this.limits };
    const account = /^\/sobjects\/Account\/([A-Za-z0-9]+)$/.exec(path);
    const record = account?.[1] ? this.accounts.get(account[1]) : undefined;
    if (!record) return notFound();
    if (method === "GET") return { status: 200, json: record };
    if (method === "PATCH") {
      Object.assign(record, JSON.parse(body) as object);
      return { status: 204 };
    }
    return {
      status: 405,
      json: [{ message: "Method not allowed", errorCode: "METHOD_NOT_ALLOWED" }],
    };
  }

  #takeFault(path: string): FakeReply | undefined {
    const fault = this.#faults.find((f) => f.times > 0 && path.includes(f.match));
    if (!fault) return undefined;
    fault.times -= 1;
    return fault.reply;
  }
}

function notFound(): FakeReply {
  return {
    status: 404,
    json: [{ errorCode: "NOT_FOUND", message: "The requested resource does not exist" }],
  };
}

function reply(res: ServerResponse, answer: FakeReply): void {
  if ("hang" in answer) return;
  if (answer.text !== undefined) {
    res
      .writeHead(answer.status, { "content-type": "application/json;charset=UTF-8" })
      .end(answer.text);
  } else if (answer.json !== undefined) {
    res
      .writeHead(answer.status, { "content-type": "application/json;charset=UTF-8" })
      .end(JSON.stringify(answer.json));
  } else {
    res.writeHead(answer.status).end();
  }
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}
