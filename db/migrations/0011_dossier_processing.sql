CREATE TABLE "dossier_consultations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dossier_id" uuid NOT NULL,
	"step_key" text NOT NULL,
	"planned_key" text,
	"unit_id" uuid NOT NULL,
	"role" text,
	"question" text NOT NULL,
	"requested_by" uuid,
	"requested_at" timestamp with time zone NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"answer" text,
	"answered_by" uuid,
	"answered_at" timestamp with time zone,
	"outcome" text
);
--> statement-breakpoint
CREATE TABLE "dossier_extensions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dossier_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"previous_appointment_at" timestamp with time zone NOT NULL,
	"new_appointment_at" timestamp with time zone NOT NULL,
	"approved_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dossier_obligations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dossier_id" uuid NOT NULL,
	"description" text NOT NULL,
	"amount_vnd" integer NOT NULL,
	"requested_by" uuid,
	"requested_at" timestamp with time zone NOT NULL,
	"paid_at" timestamp with time zone,
	"receipt_number" text,
	"confirmed_by" uuid
);
--> statement-breakpoint
CREATE TABLE "dossier_results" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dossier_id" uuid NOT NULL,
	"name" text NOT NULL,
	"file_id" uuid NOT NULL,
	"number" text NOT NULL,
	"issued_on" date NOT NULL,
	"issuer" text NOT NULL,
	"valid_until" date,
	"signer" text NOT NULL,
	"signed_at" timestamp with time zone NOT NULL,
	"certificate_serial" text NOT NULL,
	"verification" text NOT NULL,
	"verification_detail" text,
	"paper_copy" boolean DEFAULT false NOT NULL,
	"recorded_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "dossier_events" ADD COLUMN "details" jsonb;--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "legal_due_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "current_step_due_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "current_step_unit_id" uuid;--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "current_step_role" text;--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "current_assignee_id" uuid;--> statement-breakpoint
ALTER TABLE "store_items" ADD COLUMN "valid_until" date;--> statement-breakpoint
ALTER TABLE "store_items" ADD COLUMN "signed" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "dossier_consultations" ADD CONSTRAINT "dossier_consultations_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "dossiers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_consultations" ADD CONSTRAINT "dossier_consultations_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_consultations" ADD CONSTRAINT "dossier_consultations_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_consultations" ADD CONSTRAINT "dossier_consultations_answered_by_users_id_fk" FOREIGN KEY ("answered_by") REFERENCES "users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_extensions" ADD CONSTRAINT "dossier_extensions_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "dossiers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_extensions" ADD CONSTRAINT "dossier_extensions_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_obligations" ADD CONSTRAINT "dossier_obligations_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "dossiers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_obligations" ADD CONSTRAINT "dossier_obligations_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_obligations" ADD CONSTRAINT "dossier_obligations_confirmed_by_users_id_fk" FOREIGN KEY ("confirmed_by") REFERENCES "users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_results" ADD CONSTRAINT "dossier_results_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "dossiers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_results" ADD CONSTRAINT "dossier_results_file_id_stored_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "stored_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_results" ADD CONSTRAINT "dossier_results_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dossier_consultations_dossier_idx" ON "dossier_consultations" USING btree ("dossier_id");--> statement-breakpoint
CREATE INDEX "dossier_consultations_open_idx" ON "dossier_consultations" USING btree ("unit_id","answered_at");--> statement-breakpoint
CREATE INDEX "dossier_extensions_dossier_idx" ON "dossier_extensions" USING btree ("dossier_id");--> statement-breakpoint
CREATE INDEX "dossier_obligations_dossier_idx" ON "dossier_obligations" USING btree ("dossier_id");--> statement-breakpoint
CREATE INDEX "dossier_results_dossier_idx" ON "dossier_results" USING btree ("dossier_id");--> statement-breakpoint
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_current_step_unit_id_units_id_fk" FOREIGN KEY ("current_step_unit_id") REFERENCES "units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_current_assignee_id_users_id_fk" FOREIGN KEY ("current_assignee_id") REFERENCES "users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dossiers_step_unit_idx" ON "dossiers" USING btree ("current_step_unit_id","current_step_role");--> statement-breakpoint
CREATE INDEX "dossiers_assignee_idx" ON "dossiers" USING btree ("current_assignee_id");--> statement-breakpoint
-- Dossiers received before this migration: the legal due time is the appointment (no extension
-- existed), and the current step's unit and role come from the workflow's steps document.
UPDATE "dossiers" SET "legal_due_at" = "appointment_at" WHERE "legal_due_at" IS NULL;--> statement-breakpoint
UPDATE "dossiers" d SET
  "current_step_unit_id" = coalesce((s.step->>'unitId')::uuid, d."competent_unit_id"),
  "current_step_role" = s.step->'assignee'->>'role',
  "current_assignee_id" = (s.step->'assignee'->>'userId')::uuid
FROM (
  SELECT w."id" AS workflow_id, e AS step FROM "workflow_definitions" w, jsonb_array_elements(w."steps") e
) s
WHERE d."current_step_key" IS NOT NULL AND s.workflow_id = d."workflow_id" AND s.step->>'key' = d."current_step_key";
