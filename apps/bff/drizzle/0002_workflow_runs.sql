CREATE TABLE "workflow_runs" (
	"workflow" text NOT NULL,
	"business_id" text NOT NULL,
	"status" text NOT NULL,
	"input" jsonb NOT NULL,
	"error" text,
	"claimed_until" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "workflow_runs_workflow_business_id_pk" PRIMARY KEY("workflow","business_id")
);
--> statement-breakpoint
CREATE TABLE "workflow_steps" (
	"workflow" text NOT NULL,
	"business_id" text NOT NULL,
	"step" text NOT NULL,
	"output" jsonb,
	"finished_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "workflow_steps_workflow_business_id_step_pk" PRIMARY KEY("workflow","business_id","step")
);
--> statement-breakpoint
ALTER TABLE "workflow_steps" ADD CONSTRAINT "workflow_steps_workflow_business_id_workflow_runs_workflow_business_id_fk" FOREIGN KEY ("workflow","business_id") REFERENCES "public"."workflow_runs"("workflow","business_id") ON DELETE cascade ON UPDATE no action;