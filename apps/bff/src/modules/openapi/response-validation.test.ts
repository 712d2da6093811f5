import Fastify, { type FastifyInstance } from "fastify";
import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { type ApiRoute, apiRoute } from "./api-route.js";
import { validateResponses } from "./response-validation.js";

const thingSchema = z.object({ id: z.number(), name: z.string() });

const routes: ApiRoute[] = [
  apiRoute({
    method: "GET",
    path: "/api/things/:id",
    operationId: "getThing",
    summary: "A thing",
    tags: ["test"],
    access: "session",
    request: { params: z.object({ id: z.string() }) },
    responses: { 200: thingSchema },
    errors: ["NOT_FOUND"],
  }),
  apiRoute({
    method: "POST",
    path: "/api/things/:id/poke",
    operationId: "pokeThing",
    summary: "Poke a thing",
    tags: ["test"],
    access: "session",
    responses: { 204: null },
    errors: [],
  }),
];

const envelope = (code: string) => ({ error: { code, message: "m", requestId: "r" } });

let app: FastifyInstance | undefined;

/** A bare Fastify app whose `/api/things/:id` answers `status` with `body`. */
async function appAnswering(status: number, body: unknown): Promise<FastifyInstance> {
  app = Fastify();
  validateResponses(app, routes);
  app.get("/api/things/:id", async (_request, reply) => reply.code(status).send(body));
  app.post("/api/things/:id/poke", async (_request, reply) => reply.code(status).send(body));
  app.get("/api/undeclared", async () => ({ ok: true }));
  await app.ready();
  return app;
}

async function problemOf(response: { statusCode: number; json: () => unknown }) {
  expect(response.statusCode).toBe(500);
  return (response.json() as { error: { code: string; message: string } }).error;
}

afterEach(async () => {
  await app?.close();
});

describe("validateResponses", () => {
  it("lets an answer that matches its declaration through untouched", async () => {
    const server = await appAnswering(200, { id: 1, name: "one" });

    const response = await server.inject({ method: "GET", url: "/api/things/1" });

    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ id: 1, name: "one" });
  });

  it("turns a body that drifted from its schema into a 500 naming the route and field", async () => {
    const server = await appAnswering(200, { id: "1", name: "one" });

    const error = await problemOf(await server.inject({ method: "GET", url: "/api/things/1" }));

    expect(error.code).toBe("INTERNAL");
    expect(error.message).toMatch(/^Response validation failed: GET \/api\/things\/:id → 200: id:/);
  });

  it("accepts declared and implied error codes in the envelope, and refuses others", async () => {
    const declared = await appAnswering(404, envelope("NOT_FOUND"));
    expect((await declared.inject({ method: "GET", url: "/api/things/9" })).statusCode).toBe(404);
    await declared.close();

    const implied = await appAnswering(401, envelope("UNAUTHENTICATED"));
    expect((await implied.inject({ method: "GET", url: "/api/things/9" })).statusCode).toBe(401);
    await implied.close();

    const undeclared = await appAnswering(409, envelope("CONFLICT"));
    const error = await problemOf(await undeclared.inject({ method: "GET", url: "/api/things/9" }));
    expect(error.message).toContain("error code CONFLICT is not declared");
  });

  it("refuses an error body that is not the envelope, and an undeclared success status", async () => {
    const bare = await appAnswering(404, { message: "Not Found" });
    const bareError = await problemOf(await bare.inject({ method: "GET", url: "/api/things/9" }));
    expect(bareError.message).toContain("not the error envelope");
    await bare.close();

    const created = await appAnswering(201, { id: 1, name: "one" });
    const createdError = await problemOf(
      await created.inject({ method: "GET", url: "/api/things/1" }),
    );
    expect(createdError.message).toContain("status 201 is not declared");
  });

  it("refuses a body on a route declared without one", async () => {
    const quiet = await appAnswering(204, undefined);
    expect((await quiet.inject({ method: "POST", url: "/api/things/1/poke" })).statusCode).toBe(
      204,
    );
    await quiet.close();

    const chatty = await appAnswering(204, { done: true });
    const error = await problemOf(
      await chatty.inject({ method: "POST", url: "/api/things/1/poke" }),
    );
    expect(error.message).toContain("declared without a body, but one was sent");
  });

  it("refuses an /api route that has no declaration at all", async () => {
    const server = await appAnswering(200, {});

    const error = await problemOf(await server.inject({ method: "GET", url: "/api/undeclared" }));

    expect(error.message).toContain("GET /api/undeclared → 200: the route has no declaration");
  });
});
