CREATE TABLE "signup_attempts" (
	"sf_account_id" text PRIMARY KEY NOT NULL,
	"customer_number" text NOT NULL,
	"whmcs_client_id" integer,
	"claimed_until" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
