// @ts-check
// The portal's production server: Next.js's request handler behind the portal's own edge
// refusals (decisions 0018, 0050). Started by `scripts/start.mjs` in place of `next start`:
//   node apps/portal/server/main.mjs --port 3000 --hostname 127.0.0.1
import { createServer } from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import next from "next";
import { withEdgeRefusals } from "./edge-refusals.mjs";
import { securityHeaders } from "./security-headers.mjs";

const { values } = parseArgs({
  options: {
    port: { type: "string", default: process.env.PORT ?? "3000" },
    hostname: { type: "string", default: "0.0.0.0" },
  },
});
const port = Number(values.port);
const hostname = values.hostname;
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  console.error(`portal: --port must be a port number, not ${values.port}`);
  process.exit(2);
}

// The production build in apps/portal/.next, as `next start` serves it. Next needs the host
// and port for its proxy (src/proxy.ts) to build request URLs.
// Source: https://nextjs.org/docs/app/guides/custom-server
const app = next({
  dev: false,
  dir: path.resolve(path.dirname(fileURLToPath(import.meta.url)), ".."),
  hostname,
  port,
});
await app.prepare();
const server = createServer(withEdgeRefusals(app.getRequestHandler(), securityHeaders(false)));
server.listen(port, hostname, () => {
  console.warn(`portal: ready on http://${hostname}:${port}`);
});

// Stop accepting, finish what is in flight, then exit (the launcher sends SIGTERM).
for (const signal of /** @type {const} */ (["SIGTERM", "SIGINT"])) {
  process.once(signal, () => {
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 5_000).unref();
  });
}
