import { type FastifyInstance } from "fastify";
import { AppError } from "./app-error.js";
import { errorBody } from "./error-body.js";

/** What the customer reads when the budget runs out (distinct from a client's own timeout). */
const OVER_BUDGET_MESSAGE =
  "This is taking longer than it should. Please try again in a few minutes.";

/**
 * The per-request upstream time budget (DESIGN.md §7), on every route: a request still running
 * after `budgetMs` (UPSTREAM_BUDGET_MS, 10 s) is answered 503 UPSTREAM_UNAVAILABLE, however many
 * upstream calls, retries and throttle waits it was making — the portal shows "try again" instead
 * of a skeleton that never resolves. The clients cannot be cancelled from here, so the work in
 * flight finishes (or times out) in the background and its answer is dropped (Fastify logs the late
 * send as a warning); their own timeouts and read retries are configured to fit inside the budget
 * (WHMCS_/SF_TIMEOUT_MS × (1 + READ_RETRIES)).
 *
 * A Fastify timer per request rather than a Nest interceptor: a global interceptor puts every
 * request through rxjs and `AsyncResource.bind`, about a fifth of the CPU of a warm read
 * (decision 0057).
 */
export function registerUpstreamBudget(fastify: FastifyInstance, budgetMs: number): void {
  const timers = new WeakMap<object, NodeJS.Timeout>();
  fastify.addHook("onRequest", (request, reply, done) => {
    const timer = setTimeout(() => {
      if (reply.sent || reply.raw.destroyed) return;
      const error = new AppError("UPSTREAM_UNAVAILABLE", OVER_BUDGET_MESSAGE);
      request.log.warn(
        { code: error.code, method: request.method, url: request.url },
        "Over budget",
      );
      void reply.status(error.status).send(errorBody(error, String(request.id)));
    }, budgetMs);
    timer.unref();
    timers.set(request, timer);
    done();
  });
  fastify.addHook("onResponse", (request, _reply, done) => {
    clearTimeout(timers.get(request));
    done();
  });
}
