import { sfEventsHealthSchema } from "@portal/domain";
import { type ApiRoute, apiRoute } from "../openapi/api-route.js";

/** `GET /api/health/sf-events` as `SfEventsController` serves it. */
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
];
