import { z } from "zod";

/**
 * A fulfilment run as operators inspect it (`/api/ops/fulfilment/…`): status (`running` — under
 * way or suspended until its job retries —, `compensating`, `failed`, `completed`), the last error
 * (`<step>: <message>`, null when none), when it last changed (ISO 8601 UTC) and its finished
 * steps in order, each with its checkpointed output.
 */
export const fulfilmentRunSchema = z.object({
  status: z.enum(["running", "compensating", "failed", "completed"]),
  error: z.string().nullable(),
  updatedAt: z.iso.datetime(),
  steps: z.array(z.object({ step: z.string(), output: z.unknown(), finishedAt: z.iso.datetime() })),
});
export type FulfilmentRun = z.infer<typeof fulfilmentRunSchema>;

/**
 * A dead-lettered `order.fulfil` job: its id in the dead-letter queue, the payload, what the queue
 * recorded of the last failure (null when the job was sent there at once, after a permanent
 * failure written to the Order), when it arrived (ISO 8601 UTC), the Salesforce Order Id it is
 * about (null for a payload without one) and that Order's run (null when none is kept: a run that
 * failed for good keeps no checkpoints, its error is on the Order).
 */
export const fulfilmentDeadLetterSchema = z.object({
  id: z.uuid(),
  payload: z.record(z.string(), z.unknown()),
  error: z.unknown(),
  deadLetteredAt: z.iso.datetime(),
  orderId: z.string().nullable(),
  run: fulfilmentRunSchema.nullable(),
});
export type FulfilmentDeadLetter = z.infer<typeof fulfilmentDeadLetterSchema>;

/** `GET /api/ops/fulfilment/dead-letters`: newest first. */
export const fulfilmentDeadLetterListSchema = z.object({
  items: z.array(fulfilmentDeadLetterSchema),
});
export type FulfilmentDeadLetterList = z.infer<typeof fulfilmentDeadLetterListSchema>;

/** `?limit=` of the list: 1 to 200, default 50. */
export const deadLetterListQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type DeadLetterListQuery = z.infer<typeof deadLetterListQuerySchema>;

/** `:id` of one dead letter: its UUID. */
export const deadLetterParamsSchema = z.object({ id: z.uuid() });
export type DeadLetterParams = z.infer<typeof deadLetterParamsSchema>;

/** `POST /api/ops/fulfilment/dead-letters/:id/retry` → 202: the Order queued again. */
export const deadLetterRetrySchema = z.object({ orderId: z.string(), queued: z.literal(true) });
export type DeadLetterRetry = z.infer<typeof deadLetterRetrySchema>;
