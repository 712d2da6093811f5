CREATE TABLE "eligibility_requests" (
	"sf_account_id" text PRIMARY KEY NOT NULL,
	"address" jsonb NOT NULL,
	"case_id" text NOT NULL,
	"requested_at" timestamp with time zone NOT NULL
);
