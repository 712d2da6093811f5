import {
  sfEventsHealthSchema,
  sfEventsReplayAcceptedSchema,
  sfEventsReplayRequestSchema,
} from "@portal/domain";
import { type ApiRoute, apiRoute } from "../openapi/api-route.js";

/**
 * `GET /api/health/sf-events` as `SfEventsController` serves it, and
 * `POST /api/ops/sf-events/replay` as `SfEventsOpsController` does.
 */
export const sfEventsRoutes: readonly ApiRoute[] = [
  apiRoute({
    method: "GET",
    path: "/api/health/sf-events",
    operationId: "getSfEventsHealth",
    summary: "The Salesforce event subscriber: status, leader, channels, replay ids and lag",
    description:
      "Whether the Salesforce Pub/Sub subscriber is enabled, its status on the answering replica (standby while another replica holds the leader lease), the lease holder, and for every channel the stored replay id (hex), the newest the server reported, the last event and commit times, and the last error (docs/operations/sf-events.md). Always 200: monitors read `subscriber.status`.",
    tags: ["health"],
    access: "public",
    responses: { 200: sfEventsHealthSchema },
    errors: [],
  }),
  apiRoute({
    method: "POST",
    path: "/api/ops/sf-events/replay",
    operationId: "replaySfEvents",
    summary: "Replay a Salesforce event topic from a replay id",
    description:
      "The subscriber handles every event of `topic` after `replayId` again (handlers are idempotent); the leading replica applies it at its next lease check. An id Salesforce no longer keeps resubscribes from EARLIEST. Operators only (`Authorization: Bearer <OPS_API_TOKEN>`; docs/operations/sf-events.md).",
    tags: ["ops"],
    access: "ops",
    request: { body: sfEventsReplayRequestSchema },
    responses: { 202: sfEventsReplayAcceptedSchema },
    errors: [],
  }),
];
