import { type FastifyInstance, type FastifyReply } from "fastify";
import { AppError } from "./app-error.js";
import { errorBody } from "./error-body.js";

/** What the customer reads when the budget runs out (distinct from a client's own timeout). */
const OVER_BUDGET_MESSAGE =
  "This is taking longer than it should. Please try again in a few minutes.";

/** How often in-flight requests are checked against their deadline, at most. */
const SWEEP_INTERVAL_MS = 250;

/**
 * The per-request upstream time budget (DESIGN.md §7), on every route: a request still running
 * after `budgetMs` (UPSTREAM_BUDGET_MS, 10 s) is answered 503 UPSTREAM_UNAVAILABLE, however many
 * upstream calls, retries and throttle waits it was making — the portal shows "try again" instead
 * of a skeleton that never resolves. The clients cannot be cancelled from here, so the work in
 * flight finishes (or times out) in the background and its answer is dropped (Fastify logs the late
 * send as a warning); their own timeouts and read retries are configured to fit inside the budget
 * (WHMCS_/SF_TIMEOUT_MS × (1 + READ_RETRIES)).
 *
 * Requests in flight are kept in arrival order with their deadline, and one timer a quarter of the
 * budget apart (at most 250 ms) answers those past it, so a request is cut off at most that much
 * after its budget. Not a Nest interceptor, which puts every request through rxjs and
 * `AsyncResource.bind`, nor a timer per request: about a fifth of the CPU of a warm read
 * (decision 0057).
 */
export function registerUpstreamBudget(fastify: FastifyInstance, budgetMs: number): void {
  // Insertion order is deadline order: every request gets the same budget.
  const deadlines = new Map<FastifyReply, number>();
  const sweep = setInterval(
    () => {
      const now = performance.now();
      for (const [reply, deadline] of deadlines) {
        if (deadline > now) break;
        deadlines.delete(reply);
        // Not when the answer is already leaving (an onSend hook may still be running).
        if (!reply.sent && !reply.raw.headersSent && !reply.raw.destroyed) answerOverBudget(reply);
      }
    },
    Math.min(SWEEP_INTERVAL_MS, Math.ceil(budgetMs / 4)),
  );
  sweep.unref();
  fastify.addHook("onClose", (_instance, done) => {
    clearInterval(sweep);
    done();
  });
  // From the handler on: receiving the body has its own limit (HTTP_REQUEST_TIMEOUT_MS), and a
  // request answered while its body still arrives would be worked all the same.
  fastify.addHook("preHandler", (_request, reply, done) => {
    deadlines.set(reply, performance.now() + budgetMs);
    done();
  });
  fastify.addHook("onResponse", (_request, reply, done) => {
    deadlines.delete(reply);
    done();
  });
}

/** Answers 503 UPSTREAM_UNAVAILABLE with the error envelope. */
function answerOverBudget(reply: FastifyReply): void {
  const { request } = reply;
  const error = new AppError("UPSTREAM_UNAVAILABLE", OVER_BUDGET_MESSAGE);
  request.log.warn({ code: error.code, method: request.method, url: request.url }, "Over budget");
  try {
    void reply.status(error.status).send(errorBody(error, String(request.id)));
  } catch (sendError) {
    request.log.error({ err: sendError }, "Could not answer a request over its budget");
  }
}
