import { importPKCS8, SignJWT } from "jose";
import type { Sandbox } from "../../src/index.js";
import { TEST_NOW, type TestSecrets } from "./test-sandbox.js";

/** A signed-in Salesforce REST session against a test sandbox. */
export interface SalesforceSession {
  /** `instance_url` of the token response. */
  instanceUrl: string;
  /** The whole token response. */
  token: Record<string, string>;
  /** A REST call relative to `instanceUrl`; JSON bodies are sent as JSON. */
  request(
    path: string,
    init?: { method?: string; body?: unknown; headers?: Record<string, string> },
  ): Promise<{ status: number; body: unknown; headers: Headers }>;
  get(path: string, headers?: Record<string, string>): Promise<{ status: number; body: unknown }>;
}

/**
 * Signs in through the JWT bearer flow at `loginUrl` (default: the sandbox's Salesforce URL)
 * with the test connected app, and returns a session on the returned `instance_url`.
 * @throws Error when the token endpoint refuses.
 */
export async function salesforceSession(
  sandbox: Sandbox,
  secrets: TestSecrets,
  loginUrl: string = sandbox.urls.salesforce,
): Promise<SalesforceSession> {
  const key = await importPKCS8(secrets.privateKeyPem, "RS256");
  const assertion = await new SignJWT({})
    .setProtectedHeader({ alg: "RS256" })
    .setIssuer(secrets.sfClientId)
    .setSubject(secrets.sfUsername)
    .setAudience("https://login.salesforce.com")
    .setExpirationTime(Math.floor(TEST_NOW.getTime() / 1000) + 180)
    .sign(key);
  const response = await fetch(`${loginUrl}/services/oauth2/token`, {
    method: "POST",
    body: new URLSearchParams({
      grant_type: "urn:ietf:params:oauth:grant-type:jwt-bearer",
      assertion,
    }),
  });
  const token = (await response.json()) as Record<string, string>;
  if (response.status !== 200) throw new Error(`token endpoint answered ${response.status}`);
  const instanceUrl = token.instance_url ?? "";
  const request: SalesforceSession["request"] = async (path, init = {}) => {
    const headers = new Headers(init.headers);
    headers.set("authorization", `Bearer ${token.access_token ?? ""}`);
    if (init.body !== undefined) headers.set("content-type", "application/json");
    const answer = await fetch(`${instanceUrl}${path}`, {
      method: init.method ?? "GET",
      headers,
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    const text = await answer.text();
    return {
      status: answer.status,
      body: text === "" ? undefined : (JSON.parse(text) as unknown),
      headers: answer.headers,
    };
  };
  return {
    instanceUrl,
    token,
    request,
    get: (path, headers) => request(path, { headers }),
  };
}
