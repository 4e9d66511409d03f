CREATE TABLE "dossier_apology_reminders" (
	"dossier_id" uuid NOT NULL,
	"appointment_at" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	"recipients" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "dossier_apology_reminders_dossier_id_appointment_at_pk" PRIMARY KEY("dossier_id","appointment_at")
);
--> statement-breakpoint
CREATE TABLE "feedback_reminders" (
	"feedback_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	"recipients" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "feedback_reminders_feedback_id_kind_pk" PRIMARY KEY("feedback_id","kind")
);
--> statement-breakpoint
CREATE TABLE "scheduled_tasks" (
	"name" text PRIMARY KEY NOT NULL,
	"interval_seconds" integer NOT NULL,
	"next_run_at" timestamp with time zone NOT NULL,
	"last_started_at" timestamp with time zone,
	"last_finished_at" timestamp with time zone,
	"last_outcome" jsonb,
	"last_error" text,
	"runs" integer DEFAULT 0 NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "scheduled_tasks_interval_check" CHECK ("scheduled_tasks"."interval_seconds" > 0)
);
--> statement-breakpoint
ALTER TABLE "dossier_apology_reminders" ADD CONSTRAINT "dossier_apology_reminders_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "dossiers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_reminders" ADD CONSTRAINT "feedback_reminders_feedback_id_feedback_items_id_fk" FOREIGN KEY ("feedback_id") REFERENCES "feedback_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "scheduled_tasks_due_idx" ON "scheduled_tasks" USING btree ("next_run_at");