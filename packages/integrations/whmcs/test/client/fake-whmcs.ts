import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { type AddressInfo } from "node:net";

/** One request the fake received. */
export interface RecordedRequest {
  path: string;
  contentType: string | undefined;
  form: URLSearchParams;
}

/** Answers one request; may leave `res` open to simulate a WHMCS that never answers. */
export type FakeHandler = (request: RecordedRequest, res: ServerResponse) => void;

/** A WHMCS stand-in on 127.0.0.1, port chosen by the OS. */
export interface FakeWhmcs {
  /** Base URL to give the client (the API lives under `<url>/includes/api.php`). */
  url: string;
  requests: RecordedRequest[];
  handle(handler: FakeHandler): void;
  close(): Promise<void>;
}

/** Writes a JSON answer. */
export function answerJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
}

/** Starts a fake WHMCS API endpoint that records every form-encoded request. */
export async function startFakeWhmcs(): Promise<FakeWhmcs> {
  const requests: RecordedRequest[] = [];
  let handler: FakeHandler = (_request, res) => answerJson(res, 200, { result: "success" });

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const request: RecordedRequest = {
        path: req.url ?? "",
        contentType: req.headers["content-type"],
        form: new URLSearchParams(Buffer.concat(chunks).toString("utf8")),
      };
      requests.push(request);
      handler(request, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/whmcs`,
    requests,
    handle(next) {
      handler = next;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
