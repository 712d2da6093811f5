import { z } from "zod";

/**
 * `POST /api/ops/sf-events/replay`: subscribe to `topic` (a subscribed Pub/Sub topic such as
 * `/data/OrderChangeEvent`) again after `replayId` (lower-case hex, as
 * `GET /api/health/sf-events` shows replay ids). Decision 0065.
 */
export const sfEventsReplayRequestSchema = z.object({
  topic: z.string().regex(/^\/(?:data|event)\/[A-Za-z][A-Za-z0-9_]*$/, {
    error: "must be a topic name such as /data/OrderChangeEvent",
  }),
  replayId: z.string().regex(/^(?:[0-9a-f]{2}){1,64}$/, {
    error: "must be a replay id in lower-case hex, as GET /api/health/sf-events shows it",
  }),
});
export type SfEventsReplayRequest = z.infer<typeof sfEventsReplayRequestSchema>;

/** → 202: the replay is recorded; the leading replica applies it at its next lease check. */
export const sfEventsReplayAcceptedSchema = z.object({
  topic: z.string(),
  replayId: z.string(),
  requested: z.literal(true),
});
export type SfEventsReplayAccepted = z.infer<typeof sfEventsReplayAcceptedSchema>;
