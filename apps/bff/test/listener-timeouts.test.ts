import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startStack, type Stack } from "./support/stack.js";

let stack: Stack;

beforeAll(async () => {
  // Short limits so the test does not wait long; the defaults are 10 s, 30 s and 75 s.
  stack = await startStack({
    HTTP_HEADERS_TIMEOUT_MS: "500",
    HTTP_REQUEST_TIMEOUT_MS: "1000",
    HTTP_IDLE_TIMEOUT_MS: "1500",
  });
});

afterAll(async () => {
  await stack?.close();
});

/**
 * Opens a connection, writes `chunks` (the last one is never followed by the rest of the request),
 * and resolves with everything the server sent once it closes the connection.
 */
function holdOpen(chunks: string[]): Promise<string> {
  const { hostname, port } = new URL(stack.bffUrl);
  return new Promise((resolve, reject) => {
    const socket = connect({ host: hostname, port: Number(port) });
    let received = "";
    socket.on("connect", () => {
      for (const chunk of chunks) {
        socket.write(chunk);
      }
    });
    socket.on("data", (data: Buffer) => (received += data.toString("utf8")));
    socket.on("close", () => resolve(received));
    socket.on("error", reject);
  });
}

describe("listener timeouts", () => {
  it("closes a request whose headers never finish with 408", async () => {
    const answer = await holdOpen(["GET /api/health HTTP/1.1\r\nHost: portal\r\nX-Slow: "]);

    expect(answer).toMatch(/^HTTP\/1\.1 408/);
  });

  it("closes a request that sends its headers and then trickles the body with 408", async () => {
    const answer = await holdOpen([
      "POST /api/auth/login HTTP/1.1\r\nHost: portal\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n",
      '{"email":',
    ]);

    expect(answer).toMatch(/^HTTP\/1\.1 408/);
  });

  it("closes a connection that sends nothing", async () => {
    expect(await holdOpen([])).toMatch(/^$|^HTTP\/1\.1 408/);
  });

  it("still answers ordinary requests", async () => {
    expect((await stack.newClient().get("/api/auth/csrf")).status).toBe(200);
  });
});
