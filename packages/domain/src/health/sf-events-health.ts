import { z } from "zod";
import { isoDateTimeSchema } from "../common/iso-date.js";

/**
 * A failure of the Salesforce event subscriber as health reports it: when, its class and kind
 * (`SalesforceError: unavailable`) and the vendor code (a Pub/Sub `error-code` trailer such as
 * `sfdc.platform.eventbus.grpc.subscription.fetch.replayid.corrupted`, or a gRPC status name);
 * never upstream text or credentials.
 */
export const sfEventsErrorSchema = z.object({
  at: isoDateTimeSchema,
  error: z.string(),
  code: z.string().nullable(),
});

/**
 * One subscribed topic (`channel`, e.g. `/data/OrderChangeEvent`): its subscription's status on
 * this process (`standby` when another replica leads), the stored position (`replay.lastReplayId`,
 * hex of Salesforce's opaque replay id, and when it was stored), the newest replay id the server
 * reported (`replay.latestReplayId`), when this process last received an event and the commit
 * time of the last one handled, the lag (`caughtUp`: the stored id is the server's latest — null
 * when unknown; `secondsSinceLastCommit`: now minus that commit time, null before any event), when
 * and why it last resubscribed from `EARLIEST`, and its last error.
 */
export const sfEventsChannelSchema = z.object({
  channel: z.string(),
  status: z.enum(["standby", "connecting", "subscribed", "reconnecting", "stopped"]),
  replay: z.object({
    lastReplayId: z.string().nullable(),
    storedAt: isoDateTimeSchema.nullable(),
    latestReplayId: z.string().nullable(),
  }),
  lastEventAt: isoDateTimeSchema.nullable(),
  lastCommitAt: isoDateTimeSchema.nullable(),
  lag: z.object({
    caughtUp: z.boolean().nullable(),
    secondsSinceLastCommit: z.number().min(0).nullable(),
  }),
  resubscribedFromEarliest: z.object({ at: isoDateTimeSchema, reason: z.string() }).nullable(),
  lastError: sfEventsErrorSchema.nullable(),
});

/**
 * `GET /api/health/sf-events`: whether the Salesforce Pub/Sub subscriber is enabled, its status on
 * this process (`disabled`; `standby` while another replica holds the leader lease; else the worst
 * of its topics: `reconnecting`, `connecting`, `subscribed`) and last error, the leader lease
 * (holder id — a random id per process —, whether it is this process, expiry) and every channel.
 * Source: issue 8 "BFF"; decision 0065.
 */
export const sfEventsHealthSchema = z.object({
  enabled: z.boolean(),
  subscriber: z.object({
    status: z.enum(["disabled", "standby", "connecting", "subscribed", "reconnecting"]),
    lastError: sfEventsErrorSchema.nullable(),
  }),
  leader: z.object({
    holderId: z.string().nullable(),
    isThisProcess: z.boolean(),
    leaseExpiresAt: isoDateTimeSchema.nullable(),
  }),
  channels: z.array(sfEventsChannelSchema),
});
export type SfEventsHealth = z.infer<typeof sfEventsHealthSchema>;
export type SfEventsChannelHealth = z.infer<typeof sfEventsChannelSchema>;
