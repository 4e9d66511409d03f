ALTER TABLE "dossier_events" ADD COLUMN "step_due_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "dossier_events" ADD COLUMN "step_outcome" text;--> statement-breakpoint
ALTER TABLE "dossier_events" ADD COLUMN "to_step_key" text;--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "paused_since" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "paused_minutes" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "supplement_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "completed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "outcome" text;--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "returned_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "result_channel" text;