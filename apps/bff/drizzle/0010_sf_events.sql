CREATE TABLE "leader_leases" (
	"name" text PRIMARY KEY NOT NULL,
	"holder" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"acquired_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sf_event_replays" (
	"topic" text PRIMARY KEY NOT NULL,
	"replay_id" text NOT NULL,
	"requested_replay_id" text,
	"last_commit_at" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL
);
