import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { faultSpecSchema } from "../faults/fault.js";
import {
  decideEligibility,
  eligibilityDecisionSchema,
} from "../salesforce/console/eligibility-decision.js";
import type { SandboxServices } from "../server/sandbox-services.js";
import { approveOrder } from "../salesforce/console/order-approval.js";
import { registerCatalogControlRoutes } from "../salesforce/console/catalog-control-routes.js";
import { registerFulfilmentControlRoutes } from "./fulfilment-control-routes.js";
import { whmcsResponseModeSchema } from "../whmcs/state/whmcs-state.js";

const invoiceParamsSchema = z.object({ id: z.coerce.number().int().positive() });
const webhookBodySchema = z.object({ url: z.url().nullable() });
const responseModeBodySchema = z.object({ mode: whmcsResponseModeSchema });
const mailQuerySchema = z.object({ to: z.email().optional() });
const mailRefusalBodySchema = z.object({ refusal: z.enum(["accept", "transient", "permanent"]) });
const recordParamsSchema = z.object({ id: z.string().min(1) });
const changesQuerySchema = z.object({ after: z.coerce.number().int().min(0).default(0) });
const activationParamsSchema = z.object({ requestKey: z.string().min(1) });
const activationFailureSchema = z
  .object({ errorCode: z.string().min(1).default("500") })
  .default({ errorCode: "500" });
const activationDelaySchema = z.object({ delayMs: z.number().int().min(0).nullable() });

/**
 * The control API for tests and the operator console (JSON):
 * - `POST /__control/reset` → 204: reseed the demo data, clear faults and call counters.
 * - `GET /__control/faults` → `{ faults: [...] }`; `POST /__control/faults` (a `FaultSpec`) →
 *   201 `{ id }`; `DELETE /__control/faults` → 204.
 * - `GET /__control/holds` → `{ held: [{ faultId, system, subject, phase, since, clientGone }] }`:
 *   the calls a `hold` fault keeps the answer of (their work done) or a `hold-before` fault keeps
 *   waiting (undone), `clientGone` once the caller's connection closed; `POST /__control/holds/release` → 200 `{ released: n }`: let them all go on now.
 * - `GET /__control/calls` → `{ whmcs: { [action]: n }, salesforce: { [method template]: n } }`;
 *   `GET /__control/calls/log` → `{ calls: [{ system, call }] }` (the last 10,000, oldest
 *   first, keys as the counts name them); `POST /__control/calls/reset` → 204.
 * - `POST /__control/whmcs/invoices/:id/pay` → 200 `{ invoiceId, status: "Paid", webhook }`
 *   (webhook = the delivery record or null), 404 unknown invoice, 409 not payable.
 * - `PUT /__control/webhook` `{ url: string | null }` → 204.
 * - `GET`/`PUT /__control/whmcs/response-mode` `{ mode: "current" | "legacy" }` → the mode / 204:
 *   how the External API encodes numbers and flags from now on.
 * - `POST /__control/salesforce/expire-sessions` → 204: every access token becomes invalid.
 * - `PATCH /__control/salesforce/pricebook-entries/:id`, `PATCH /__control/salesforce/products/:id`:
 *   the console's price and visibility switches (`salesforce/console/catalog-control-routes.ts`).
 * - `GET /__control/salesforce/changes?after=<replayId>` → `{ events: [...], nextReplayId }`:
 *   the persisted change log of record changes (see `salesforce/changes/change-event.ts`),
 *   events with a replay id above `after` (default 0), oldest first.
 * - `POST /__control/salesforce/accounts/:id/eligibility` `{ status: "Eligible", offeringType:
 *   "Home 1G" | "Home 10G" | "Mansion 1G" }` or `{ status: "Ineligible" }` → 204: staff's answer to an
 *   internet eligibility request, written to the Account as an edit (change log entry); 404 for an
 *   unknown Account.
 * - `POST /__control/salesforce/orders/:id/approve` → 200 `{ orderId, status: "Approved" }`:
 *   staff approve an Order (Status `Approved` as a REST update would set it, so the org's Flow
 *   publishes `Order_Fulfilment_Requested__e`); 404 unknown Order, 409 not `Draft` or `Pending Review`.
 * - `GET /__control/mail?to=<address>` → `{ messages: [{ to, from, subject, text, html,
 *   receivedAt }] }`: what the SMTP stand-in accepted, newest first, only those to `to` when
 *   given; `DELETE /__control/mail` → 204 (empty the mailbox, accept recipients again).
 * - `PUT /__control/mail/refusal` `{ refusal: "accept" | "transient" | "permanent" }` → 204: how
 *   `RCPT TO` is answered from now on (250 / 451 / 550).
 * - `POST /__control/freebit/activations/:requestKey/complete` → 200 `{ activation }`, and
 *   `…/fail` `{ errorCode?: string }` (default `"500"`) → 200 `{ activation }`: settle a processing
 *   Freebit activation by hand; 404 unknown key, 409 already settled.
 * - `PUT /__control/freebit/activation-delay` `{ delayMs: number | null }` → 204: how long
 *   activations accepted from now on take to complete on their own (0 at once, null by hand only).
 * - `POST /__control/freebit/expire-auth-keys` → 204: every Freebit authKey becomes invalid.
 * - `POST /__control/fulfilment/sim-orders`, `…/approvals`, `…/report`: many SIM orders made,
 *   approved and reported on at once, for fulfilment runs (`control/fulfilment-control-routes.ts`).
 * Invalid bodies → 400 `{ error, issues }`.
 * Source: docs/architecture/wiring.md "Control API".
 */
export async function controlPlugin(
  app: FastifyInstance,
  options: { services: SandboxServices },
): Promise<void> {
  const { services } = options;

  app.setErrorHandler((error, _request, reply) => {
    if (error instanceof z.ZodError) {
      return reply.code(400).send({
        error: "Invalid request",
        issues: error.issues.map((issue) => `${issue.path.join(".") || "body"}: ${issue.message}`),
      });
    }
    const status =
      typeof error === "object" &&
      error !== null &&
      "statusCode" in error &&
      typeof error.statusCode === "number"
        ? error.statusCode
        : 500;
    return reply
      .code(status)
      .send({ error: error instanceof Error ? error.message : String(error) });
  });

  app.post("/reset", async (_request, reply) => {
    await services.reset();
    return reply.code(204).send();
  });

  app.get("/faults", async () => ({ faults: services.faults.list() }));
  app.post("/faults", async (request, reply) => {
    const fault = services.faults.add(faultSpecSchema.parse(request.body));
    return reply.code(201).send({ id: fault.id });
  });
  app.delete("/faults", async (_request, reply) => {
    services.faults.clear();
    return reply.code(204).send();
  });

  app.get("/holds", async () => ({ held: services.holds.heldAnswers() }));
  app.post("/holds/release", async () => ({ released: services.holds.releaseAnswers() }));

  app.get("/calls", async () => services.calls.snapshot());
  app.get("/calls/log", async () => ({ calls: services.calls.log() }));
  app.post("/calls/reset", async (_request, reply) => {
    services.calls.reset();
    return reply.code(204).send();
  });

  app.post("/whmcs/invoices/:id/pay", async (request, reply) => {
    const { id } = invoiceParamsSchema.parse(request.params);
    const outcome = await services.payments.pay(id);
    if (outcome.kind === "not-found")
      return reply.code(404).send({ error: `Invoice ${id} does not exist` });
    if (outcome.kind === "not-payable") {
      return reply
        .code(409)
        .send({ error: `Invoice ${id} is ${outcome.invoice.status}, not payable` });
    }
    return { invoiceId: id, status: outcome.invoice.status, webhook: outcome.webhook };
  });

  for (const outcome of ["complete", "fail"] as const) {
    app.post(`/freebit/activations/:requestKey/${outcome}`, async (request, reply) => {
      const { requestKey } = activationParamsSchema.parse(request.params);
      const errorCode =
        outcome === "fail"
          ? activationFailureSchema.parse(request.body ?? undefined).errorCode
          : null;
      const result = await services.freebitActivations.settle(requestKey, errorCode);
      if (result.kind === "not-found") {
        return reply.code(404).send({ error: `Activation ${requestKey} does not exist` });
      }
      if (result.kind === "not-processing") {
        return reply
          .code(409)
          .send({ error: `Activation ${requestKey} is already ${result.activation.state}` });
      }
      return { activation: result.activation };
    });
  }
  app.put("/freebit/activation-delay", async (request, reply) => {
    services.freebitActivations.delayMs = activationDelaySchema.parse(request.body).delayMs;
    return reply.code(204).send();
  });
  app.post("/freebit/expire-auth-keys", async (_request, reply) => {
    services.freebitAuthKeys.expireAll();
    return reply.code(204).send();
  });

  app.get("/whmcs/response-mode", async () => ({ mode: services.whmcsResponseMode.current }));
  app.put("/whmcs/response-mode", async (request, reply) => {
    services.whmcsResponseMode.current = responseModeBodySchema.parse(request.body).mode;
    return reply.code(204).send();
  });

  app.put("/webhook", async (request, reply) => {
    services.webhooks.setUrl(webhookBodySchema.parse(request.body).url);
    return reply.code(204).send();
  });

  app.get("/salesforce/changes", async (request) => {
    const { after } = changesQuerySchema.parse(request.query);
    return {
      events: services.records.changes(after),
      nextReplayId: services.salesforceState.state.changeLog.nextReplayId,
    };
  });

  app.post("/salesforce/accounts/:id/eligibility", async (request, reply) => {
    const { id } = recordParamsSchema.parse(request.params);
    const decision = eligibilityDecisionSchema.parse(request.body);
    await decideEligibility(services.records, id, decision);
    return reply.code(204).send();
  });

  app.post("/salesforce/orders/:id/approve", async (request, reply) => {
    const { id } = recordParamsSchema.parse(request.params);
    const approval = await approveOrder(services.records, id);
    if (approval.kind === "not-found") {
      return reply.code(404).send({ error: `Order ${id} does not exist` });
    }
    if (approval.kind === "not-approvable") {
      return reply.code(409).send({ error: `Order ${id} is ${approval.status}, not approvable` });
    }
    return { orderId: id, status: "Approved" };
  });

  app.get("/mail", async (request) => {
    const { to } = mailQuerySchema.parse(request.query);
    return { messages: services.mailbox.list(to) };
  });
  app.delete("/mail", async (_request, reply) => {
    services.mailbox.clear();
    return reply.code(204).send();
  });
  app.put("/mail/refusal", async (request, reply) => {
    services.mailbox.refusal = mailRefusalBodySchema.parse(request.body).refusal;
    return reply.code(204).send();
  });

  app.post("/salesforce/expire-sessions", async (_request, reply) => {
    services.accessTokens.expireAll();
    return reply.code(204).send();
  });

  registerCatalogControlRoutes(app, services);
  registerFulfilmentControlRoutes(app, services);
}
