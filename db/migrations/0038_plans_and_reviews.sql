CREATE TABLE "plan_task_units" (
	"task_id" uuid NOT NULL,
	"role" text NOT NULL,
	"position" integer NOT NULL,
	"label" text NOT NULL,
	"unit_id" uuid,
	"collective" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_task_updates" (
	"id" serial PRIMARY KEY NOT NULL,
	"task_id" uuid NOT NULL,
	"unit_id" uuid,
	"author_id" uuid NOT NULL,
	"status" text NOT NULL,
	"progress" integer NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"file_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"parent_id" uuid,
	"number" text NOT NULL,
	"position" integer NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"timeframe_text" text NOT NULL,
	"schedule_kind" text NOT NULL,
	"due_on" date,
	"reporting" text,
	"expected_output" text DEFAULT '' NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'not_started' NOT NULL,
	"progress" integer DEFAULT 0 NOT NULL,
	"completed_on" date,
	"due_soon_announced_at" timestamp with time zone,
	"overdue_announced_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plan_tasks_progress_check" CHECK ("plan_tasks"."progress" between 0 and 100),
	CONSTRAINT "plan_tasks_status_check" CHECK ("plan_tasks"."status" in ('not_started', 'in_progress', 'done', 'cancelled'))
);
--> statement-breakpoint
CREATE TABLE "plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"issuer_unit_id" uuid NOT NULL,
	"issuer_name" text NOT NULL,
	"number" text NOT NULL,
	"issued_on" date,
	"title" text NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"legal_basis" text NOT NULL,
	"source" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plans_period_check" CHECK ("plans"."period_to" >= "plans"."period_from")
);
--> statement-breakpoint
CREATE TABLE "procedure_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"procedure_id" uuid NOT NULL,
	"version_id" uuid,
	"year" integer NOT NULL,
	"facts" jsonb NOT NULL,
	"before" jsonb NOT NULL,
	"after" jsonb NOT NULL,
	"proposal" jsonb NOT NULL,
	"before_cost_per_year_vnd" bigint NOT NULL,
	"after_cost_per_year_vnd" bigint NOT NULL,
	"savings_percent" numeric(6, 2) NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"approved_by" uuid,
	"approved_at" timestamp with time zone,
	CONSTRAINT "procedure_reviews_status_check" CHECK ("procedure_reviews"."status" in ('draft', 'approved'))
);
--> statement-breakpoint
ALTER TABLE "plan_task_units" ADD CONSTRAINT "plan_task_units_task_id_plan_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "plan_tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_task_units" ADD CONSTRAINT "plan_task_units_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_task_updates" ADD CONSTRAINT "plan_task_updates_task_id_plan_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "plan_tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_task_updates" ADD CONSTRAINT "plan_task_updates_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_task_updates" ADD CONSTRAINT "plan_task_updates_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_tasks" ADD CONSTRAINT "plan_tasks_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_tasks" ADD CONSTRAINT "plan_tasks_parent_id_plan_tasks_id_fk" FOREIGN KEY ("parent_id") REFERENCES "plan_tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_issuer_unit_id_units_id_fk" FOREIGN KEY ("issuer_unit_id") REFERENCES "units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procedure_reviews" ADD CONSTRAINT "procedure_reviews_procedure_id_procedures_id_fk" FOREIGN KEY ("procedure_id") REFERENCES "procedures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procedure_reviews" ADD CONSTRAINT "procedure_reviews_version_id_procedure_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "procedure_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procedure_reviews" ADD CONSTRAINT "procedure_reviews_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procedure_reviews" ADD CONSTRAINT "procedure_reviews_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "plan_task_units_pk" ON "plan_task_units" USING btree ("task_id","role","position");--> statement-breakpoint
CREATE INDEX "plan_task_units_unit_idx" ON "plan_task_units" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "plan_task_updates_task_idx" ON "plan_task_updates" USING btree ("task_id","id");--> statement-breakpoint
CREATE INDEX "plan_task_updates_files_idx" ON "plan_task_updates" USING gin ("file_ids");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_tasks_number_uq" ON "plan_tasks" USING btree ("plan_id","number");--> statement-breakpoint
CREATE INDEX "plan_tasks_parent_idx" ON "plan_tasks" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "plan_tasks_due_idx" ON "plan_tasks" USING btree ("due_on") WHERE "plan_tasks"."status" not in ('done', 'cancelled');--> statement-breakpoint
CREATE INDEX "plans_issuer_idx" ON "plans" USING btree ("issuer_unit_id");--> statement-breakpoint
CREATE INDEX "procedure_reviews_year_idx" ON "procedure_reviews" USING btree ("year","procedure_id");