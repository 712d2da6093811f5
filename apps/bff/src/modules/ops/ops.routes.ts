import {
  deadLetterListQuerySchema,
  deadLetterParamsSchema,
  deadLetterRetrySchema,
  fulfilmentDeadLetterListSchema,
  fulfilmentDeadLetterSchema,
} from "@portal/domain";
import { type ApiRoute, apiRoute } from "../openapi/api-route.js";

const tags = ["ops"];

/** `/api/ops/*` as `OpsController` serves it (docs/operations/provisioning-runbook.md). */
export const opsRoutes: readonly ApiRoute[] = [
  apiRoute({
    method: "GET",
    path: "/api/ops/fulfilment/dead-letters",
    operationId: "listFulfilmentDeadLetters",
    summary: "Dead-lettered fulfilment jobs, newest first",
    description:
      "Jobs of `order.fulfil` in `order.fulfil.dead`: the Order, the failure the queue recorded, and the Order's workflow run (status, last error, checkpoints). Operators only (`Authorization: Bearer <OPS_API_TOKEN>`).",
    tags,
    access: "ops",
    request: { query: deadLetterListQuerySchema },
    responses: { 200: fulfilmentDeadLetterListSchema },
    errors: [],
  }),
  apiRoute({
    method: "GET",
    path: "/api/ops/fulfilment/dead-letters/:id",
    operationId: "getFulfilmentDeadLetter",
    summary: "One dead-lettered fulfilment job with its run",
    description: "404 NOT_FOUND when the dead-letter queue holds no such job (any more).",
    tags,
    access: "ops",
    request: { params: deadLetterParamsSchema },
    responses: { 200: fulfilmentDeadLetterSchema },
    errors: ["NOT_FOUND"],
  }),
  apiRoute({
    method: "POST",
    path: "/api/ops/fulfilment/dead-letters/:id/retry",
    operationId: "retryFulfilmentDeadLetter",
    summary: "Fulfil a dead-lettered Order again",
    description:
      "Queues `order.fulfil` for the job's Order and removes the dead letter. The run resumes where it stopped (a suspended run) or starts again finding what was already made (a failed one). 404 NOT_FOUND when there is no such dead letter.",
    tags,
    access: "ops",
    request: { params: deadLetterParamsSchema },
    responses: { 202: deadLetterRetrySchema },
    errors: ["NOT_FOUND"],
  }),
];
