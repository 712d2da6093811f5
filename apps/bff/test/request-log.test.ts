import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO } from "./support/demo-data.js";
import { eventually } from "./support/eventually.js";
import { HttpSession } from "./support/http-session.js";
import { startStack, type Stack } from "./support/stack.js";

let stack: Stack;

beforeAll(async () => {
  stack = await startStack({ LOG_LEVEL: "info" });
});

afterAll(async () => {
  await stack?.close();
});

interface LogLine {
  level: number;
  msg: string;
  req?: { id: string; method: string; url: string };
  res?: { statusCode: number };
  responseTime?: number;
  userId?: string;
  context?: string;
}

/** The log lines written so far that carry request id `id`, parsed. */
async function linesOf(id: string): Promise<LogLine[]> {
  return stack.logLines
    .map((line) => JSON.parse(line) as LogLine)
    .filter((line) => line.req?.id === id);
}

/** Waits for the request line of `id` (written once the answer has been sent) and returns all. */
function awaitRequestLine(id: string): Promise<LogLine[]> {
  return eventually(
    () => linesOf(id),
    (lines) => lines.some((line) => line.msg === "request completed"),
  );
}

describe("request logging", () => {
  it("writes one line per request: request id, method, URL, status, duration, no headers", async () => {
    const id = "log-test-public-1";
    const response = await new HttpSession(stack.bffUrl).request("GET", "/api/health?probe=1", {
      headers: { "x-request-id": id, cookie: "portal_at=not-logged" },
    });
    expect(response.headers.get("x-request-id")).toBe(id);

    const lines = await awaitRequestLine(id);

    expect(lines).toHaveLength(1);
    const [line] = lines;
    expect(line).toMatchObject({
      level: 30,
      msg: "request completed",
      req: { id, method: "GET", url: "/api/health?probe=1" },
      res: { statusCode: response.status },
    });
    expect(Object.keys(line!.req!).sort()).toEqual(["id", "method", "url"]);
    expect(line!.responseTime).toBeTypeOf("number");
    expect(line!.userId).toBeUndefined();
    expect(JSON.stringify(line)).not.toContain("not-logged");
  });

  it("names the signed-in user on the request line", async () => {
    const client = stack.newClient();
    const login = await client.login(DEMO.email, DEMO.password);
    expect(login.status).toBe(200);
    const id = "log-test-signed-in-1";

    const response = await client.get("/api/me", { headers: { "x-request-id": id } });
    expect(response.status).toBe(200);

    const [line] = await awaitRequestLine(id);
    expect(line?.userId).toBe((response.json as { id: string }).id);
  });

  it("carries the request id on the lines services log while handling the request", async () => {
    const id = "log-test-service-line-1";
    const response = await new HttpSession(stack.bffUrl).request("POST", "/api/webhooks/whmcs", {
      rawBody: JSON.stringify({
        event: "ClientEdit",
        clientId: 1,
        occurredAt: "2026-01-02T03:04:05Z",
      }),
      headers: {
        "content-type": "application/json",
        "x-request-id": id,
        "x-portal-timestamp": String(Math.floor(Date.now() / 1000)),
        "x-portal-signature": "sha256=00",
      },
    });
    expect(response.status).toBe(401);

    const lines = await awaitRequestLine(id);

    expect(lines.map((line) => [line.context, line.msg])).toEqual([
      ["WhmcsSignatureGuard", "Rejected a WHMCS webhook with an invalid signature"],
      [undefined, "request completed"],
    ]);
  });
});
