import { pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Where the Salesforce Pub/Sub subscriber stands on each topic (decision 0065): the replay id of
 * the last event whose effect is durable (`replay_id`, lower-case hex of Salesforce's opaque
 * bytes; or the `latest_replay_id` of a keep-alive that came after every delivered event), the
 * commit time of the last event handled (`last_commit_at`, null until one was) and when the row
 * was written (`updated_at`). A subscribe resumes after `replay_id`; no row → from `EARLIEST`.
 * `requested_replay_id` is an operator's request to replay from that id (`SfEventsService.replayFrom`),
 * which whichever replica leads applies at its next lease check and then clears.
 */
export const sfEventReplays = pgTable("sf_event_replays", {
  topic: text("topic").primaryKey(),
  replayId: text("replay_id").notNull(),
  requestedReplayId: text("requested_replay_id"),
  lastCommitAt: timestamp("last_commit_at", { withTimezone: true }),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
});

/** An `sf_event_replays` row as read. */
export type SfEventReplayRow = typeof sfEventReplays.$inferSelect;
