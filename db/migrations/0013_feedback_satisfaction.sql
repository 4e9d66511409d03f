CREATE TABLE "contact_verifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"medium" text NOT NULL,
	"contact" text NOT NULL,
	"contact_key" text NOT NULL,
	"code_hash" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"confirmed_at" timestamp with time zone,
	"token_hash" text,
	"token_expires_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "feedback_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"feedback_id" uuid NOT NULL,
	"action" text NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"unit_id" uuid,
	"actor_user_id" uuid,
	"note" text,
	"due_at" timestamp with time zone,
	"outcome" text,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "feedback_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" serial NOT NULL,
	"code" text NOT NULL,
	"channel" text NOT NULL,
	"status" text NOT NULL,
	"category" text,
	"title" text NOT NULL,
	"content" text NOT NULL,
	"search_text" text NOT NULL,
	"submitter" jsonb NOT NULL,
	"anonymous" boolean DEFAULT false NOT NULL,
	"submitter_user_id" uuid,
	"contact_key" text,
	"procedure_id" uuid,
	"dossier_id" uuid,
	"file_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"parent_id" uuid,
	"unit_id" uuid,
	"received_at" timestamp with time zone NOT NULL,
	"received_by" uuid,
	"refuse_due_at" timestamp with time zone NOT NULL,
	"supplement_due_at" timestamp with time zone NOT NULL,
	"answer_due_at" timestamp with time zone NOT NULL,
	"publish_due_at" timestamp with time zone,
	"paused_since" timestamp with time zone,
	"supplement_count" integer DEFAULT 0 NOT NULL,
	"answer" text,
	"answered_at" timestamp with time zone,
	"answered_by" uuid,
	"completed_at" timestamp with time zone,
	"outcome" text,
	"published_at" timestamp with time zone,
	"publish_outcome" text,
	"likes" integer DEFAULT 0 NOT NULL,
	"dislikes" integer DEFAULT 0 NOT NULL,
	"complaints" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "feedback_items_channel_check" CHECK ("feedback_items"."channel" in ('portal', 'counter', 'phone', 'mail'))
);
--> statement-breakpoint
CREATE TABLE "feedback_votes" (
	"feedback_id" uuid NOT NULL,
	"voter_key" text NOT NULL,
	"useful" boolean NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "simulated_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"medium" text NOT NULL,
	"recipient" text NOT NULL,
	"template" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "satisfaction_criteria" (
	"key" text PRIMARY KEY NOT NULL,
	"label" text NOT NULL,
	"scale" integer NOT NULL,
	"position" integer NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "satisfaction_criteria_scale_check" CHECK ("satisfaction_criteria"."scale" in (3, 5))
);
--> statement-breakpoint
CREATE TABLE "satisfaction_ratings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dossier_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"receiving_unit_id" uuid NOT NULL,
	"competent_unit_id" uuid NOT NULL,
	"procedure_id" uuid NOT NULL,
	"received_by" uuid,
	"returned_by" uuid,
	"satisfied" boolean NOT NULL,
	"reason" text,
	"feedback_id" uuid,
	"rated_by" uuid,
	"rated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "satisfaction_ratings_channel_check" CHECK ("satisfaction_ratings"."channel" in ('portal', 'counter', 'link'))
);
--> statement-breakpoint
CREATE TABLE "satisfaction_scores" (
	"rating_id" uuid NOT NULL,
	"criterion_key" text NOT NULL,
	"scale" integer NOT NULL,
	"level" integer NOT NULL,
	CONSTRAINT "satisfaction_scores_rating_id_criterion_key_pk" PRIMARY KEY("rating_id","criterion_key"),
	CONSTRAINT "satisfaction_scores_level_check" CHECK ("satisfaction_scores"."level" between 1 and "satisfaction_scores"."scale")
);
--> statement-breakpoint
ALTER TABLE "feedback_events" ADD CONSTRAINT "feedback_events_feedback_id_feedback_items_id_fk" FOREIGN KEY ("feedback_id") REFERENCES "feedback_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_events" ADD CONSTRAINT "feedback_events_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_events" ADD CONSTRAINT "feedback_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_items" ADD CONSTRAINT "feedback_items_submitter_user_id_users_id_fk" FOREIGN KEY ("submitter_user_id") REFERENCES "users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_items" ADD CONSTRAINT "feedback_items_procedure_id_procedures_id_fk" FOREIGN KEY ("procedure_id") REFERENCES "procedures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_items" ADD CONSTRAINT "feedback_items_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "dossiers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_items" ADD CONSTRAINT "feedback_items_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_items" ADD CONSTRAINT "feedback_items_received_by_users_id_fk" FOREIGN KEY ("received_by") REFERENCES "users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_items" ADD CONSTRAINT "feedback_items_answered_by_users_id_fk" FOREIGN KEY ("answered_by") REFERENCES "users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_votes" ADD CONSTRAINT "feedback_votes_feedback_id_feedback_items_id_fk" FOREIGN KEY ("feedback_id") REFERENCES "feedback_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "satisfaction_ratings" ADD CONSTRAINT "satisfaction_ratings_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "dossiers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "satisfaction_ratings" ADD CONSTRAINT "satisfaction_ratings_receiving_unit_id_units_id_fk" FOREIGN KEY ("receiving_unit_id") REFERENCES "units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "satisfaction_ratings" ADD CONSTRAINT "satisfaction_ratings_competent_unit_id_units_id_fk" FOREIGN KEY ("competent_unit_id") REFERENCES "units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "satisfaction_ratings" ADD CONSTRAINT "satisfaction_ratings_procedure_id_procedures_id_fk" FOREIGN KEY ("procedure_id") REFERENCES "procedures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "satisfaction_ratings" ADD CONSTRAINT "satisfaction_ratings_received_by_users_id_fk" FOREIGN KEY ("received_by") REFERENCES "users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "satisfaction_ratings" ADD CONSTRAINT "satisfaction_ratings_returned_by_users_id_fk" FOREIGN KEY ("returned_by") REFERENCES "users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "satisfaction_ratings" ADD CONSTRAINT "satisfaction_ratings_feedback_id_feedback_items_id_fk" FOREIGN KEY ("feedback_id") REFERENCES "feedback_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "satisfaction_ratings" ADD CONSTRAINT "satisfaction_ratings_rated_by_users_id_fk" FOREIGN KEY ("rated_by") REFERENCES "users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "satisfaction_scores" ADD CONSTRAINT "satisfaction_scores_rating_id_satisfaction_ratings_id_fk" FOREIGN KEY ("rating_id") REFERENCES "satisfaction_ratings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "satisfaction_scores" ADD CONSTRAINT "satisfaction_scores_criterion_key_satisfaction_criteria_key_fk" FOREIGN KEY ("criterion_key") REFERENCES "satisfaction_criteria"("key") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "contact_verifications_token_uq" ON "contact_verifications" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "contact_verifications_contact_idx" ON "contact_verifications" USING btree ("contact_key","created_at");--> statement-breakpoint
CREATE INDEX "feedback_events_item_idx" ON "feedback_events" USING btree ("feedback_id","occurred_at");--> statement-breakpoint
CREATE UNIQUE INDEX "feedback_items_code_uq" ON "feedback_items" USING btree ("code");--> statement-breakpoint
CREATE INDEX "feedback_items_unit_status_idx" ON "feedback_items" USING btree ("unit_id","status");--> statement-breakpoint
CREATE INDEX "feedback_items_status_idx" ON "feedback_items" USING btree ("status","answer_due_at");--> statement-breakpoint
CREATE INDEX "feedback_items_published_idx" ON "feedback_items" USING btree ("published_at");--> statement-breakpoint
CREATE INDEX "feedback_items_procedure_idx" ON "feedback_items" USING btree ("procedure_id");--> statement-breakpoint
CREATE INDEX "feedback_items_submitter_idx" ON "feedback_items" USING btree ("submitter_user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "feedback_votes_voter_uq" ON "feedback_votes" USING btree ("feedback_id","voter_key");--> statement-breakpoint
CREATE UNIQUE INDEX "satisfaction_ratings_dossier_channel_uq" ON "satisfaction_ratings" USING btree ("dossier_id","channel");--> statement-breakpoint
CREATE INDEX "satisfaction_ratings_competent_idx" ON "satisfaction_ratings" USING btree ("competent_unit_id","rated_at");--> statement-breakpoint
CREATE INDEX "satisfaction_ratings_receiving_idx" ON "satisfaction_ratings" USING btree ("receiving_unit_id","rated_at");--> statement-breakpoint
-- Duplicate detection compares diacritic-free texts with pg_trgm (feedback.query.ts similarFeedback).
CREATE INDEX IF NOT EXISTS "feedback_items_search_text_trgm_idx" ON "feedback_items" USING gin ("search_text" public.gin_trgm_ops);
--> statement-breakpoint
-- The issue's default rating criteria (5 levels); the province edits them with PUT /api/satisfaction/criteria.
INSERT INTO "satisfaction_criteria" ("key", "label", "scale", "position") VALUES
  ('overall', 'Mức độ hài lòng chung', 5, 0),
  ('waitingTime', 'Thời gian chờ đợi', 5, 1),
  ('attitude', 'Thái độ của cán bộ', 5, 2),
  ('resultOnTime', 'Kết quả trả đúng hẹn', 5, 3)
ON CONFLICT ("key") DO NOTHING;
