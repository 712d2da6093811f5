// The yardstick of `npm run bench:api`: a bare Fastify server that answers each benchmarked path
// with the very bytes (and content type) the BFF answered, from memory. Started by api.mjs as
// its own process, like the BFF, so both are measured the same way.
// `node scripts/bench/bare-server.mjs <port> <routes.json>`; routes.json maps a path to
// `{ contentType, body }`.
import { readFile } from "node:fs/promises";
import Fastify from "fastify";

const [port, routesFile] = process.argv.slice(2);
/** @type {Record<string, { contentType: string, body: string }>} */
const routes = JSON.parse(await readFile(String(routesFile), "utf8"));

const app = Fastify({ logger: false });
for (const [url, { contentType, body }] of Object.entries(routes)) {
  const bytes = Buffer.from(body);
  app.get(url.split("?")[0] ?? url, (_request, reply) => {
    void reply.type(contentType).send(bytes);
  });
}
await app.listen({ host: "127.0.0.1", port: Number(port) });
console.log("bare server ready");
