CREATE TABLE "calendar_days" (
	"year" integer NOT NULL,
	"date" date NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"source" text NOT NULL,
	CONSTRAINT "calendar_days_year_date_pk" PRIMARY KEY("year","date"),
	CONSTRAINT "calendar_days_kind_check" CHECK ("calendar_days"."kind" in ('holiday', 'makeUpWorkday')),
	CONSTRAINT "calendar_days_source_check" CHECK ("calendar_days"."source" in ('official', 'proposed')),
	CONSTRAINT "calendar_days_year_check" CHECK (extract(year from "calendar_days"."date") = "calendar_days"."year")
);
--> statement-breakpoint
CREATE TABLE "calendar_years" (
	"year" integer PRIMARY KEY NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "procedure_competent_units" (
	"version_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	CONSTRAINT "procedure_competent_units_version_id_unit_id_pk" PRIMARY KEY("version_id","unit_id")
);
--> statement-breakpoint
CREATE TABLE "procedure_fields" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "procedure_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"procedure_id" uuid NOT NULL,
	"version_no" integer NOT NULL,
	"decision_id" uuid NOT NULL,
	"effective_from" date NOT NULL,
	"effective_to" date,
	"content" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "procedures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"national_code" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"current_version_id" uuid,
	"name" text NOT NULL,
	"field_code" text NOT NULL,
	"levels" text[] NOT NULL,
	"online_level" text NOT NULL,
	"search_text" text NOT NULL,
	"acronym" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "procedures_status_check" CHECK ("procedures"."status" in ('active', 'abolished'))
);
--> statement-breakpoint
CREATE TABLE "publication_decision_items" (
	"decision_id" uuid NOT NULL,
	"procedure_id" uuid NOT NULL,
	"change_kind" text NOT NULL,
	"version_id" uuid,
	"replaces_procedure_id" uuid,
	CONSTRAINT "publication_decision_items_decision_id_procedure_id_pk" PRIMARY KEY("decision_id","procedure_id"),
	CONSTRAINT "publication_decision_items_kind_check" CHECK ("publication_decision_items"."change_kind" in ('new', 'amended', 'replaced', 'abolished'))
);
--> statement-breakpoint
CREATE TABLE "publication_decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" text NOT NULL,
	"signed_date" date NOT NULL,
	"signer" text NOT NULL,
	"issuing_unit_id" uuid NOT NULL,
	"effective_date" date NOT NULL,
	"legal_basis_effective_date" date,
	"national_published_date" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid
);
--> statement-breakpoint
CREATE TABLE "workflow_definitions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"procedure_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"version_no" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"procedure_version_id" uuid NOT NULL,
	"decision_id" uuid,
	"name" text NOT NULL,
	"steps" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"approved_at" timestamp with time zone,
	"approved_by" uuid,
	"activated_at" timestamp with time zone,
	"activated_by" uuid,
	"retired_at" timestamp with time zone,
	CONSTRAINT "workflow_definitions_status_check" CHECK ("workflow_definitions"."status" in ('draft', 'approved', 'active', 'retired'))
);
--> statement-breakpoint
ALTER TABLE "calendar_days" ADD CONSTRAINT "calendar_days_year_calendar_years_year_fk" FOREIGN KEY ("year") REFERENCES "calendar_years"("year") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_years" ADD CONSTRAINT "calendar_years_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procedure_competent_units" ADD CONSTRAINT "procedure_competent_units_version_id_procedure_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "procedure_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procedure_competent_units" ADD CONSTRAINT "procedure_competent_units_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procedure_versions" ADD CONSTRAINT "procedure_versions_procedure_id_procedures_id_fk" FOREIGN KEY ("procedure_id") REFERENCES "procedures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procedure_versions" ADD CONSTRAINT "procedure_versions_decision_id_publication_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "publication_decisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procedures" ADD CONSTRAINT "procedures_field_code_procedure_fields_code_fk" FOREIGN KEY ("field_code") REFERENCES "procedure_fields"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publication_decision_items" ADD CONSTRAINT "publication_decision_items_decision_id_publication_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "publication_decisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publication_decision_items" ADD CONSTRAINT "publication_decision_items_procedure_id_procedures_id_fk" FOREIGN KEY ("procedure_id") REFERENCES "procedures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publication_decision_items" ADD CONSTRAINT "publication_decision_items_version_id_procedure_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "procedure_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publication_decision_items" ADD CONSTRAINT "publication_decision_items_replaces_procedure_id_procedures_id_fk" FOREIGN KEY ("replaces_procedure_id") REFERENCES "procedures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publication_decisions" ADD CONSTRAINT "publication_decisions_issuing_unit_id_units_id_fk" FOREIGN KEY ("issuing_unit_id") REFERENCES "units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publication_decisions" ADD CONSTRAINT "publication_decisions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workflow_definitions" ADD CONSTRAINT "workflow_definitions_procedure_id_procedures_id_fk" FOREIGN KEY ("procedure_id") REFERENCES "procedures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workflow_definitions" ADD CONSTRAINT "workflow_definitions_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workflow_definitions" ADD CONSTRAINT "workflow_definitions_procedure_version_id_procedure_versions_id_fk" FOREIGN KEY ("procedure_version_id") REFERENCES "procedure_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workflow_definitions" ADD CONSTRAINT "workflow_definitions_decision_id_publication_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "publication_decisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workflow_definitions" ADD CONSTRAINT "workflow_definitions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workflow_definitions" ADD CONSTRAINT "workflow_definitions_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workflow_definitions" ADD CONSTRAINT "workflow_definitions_activated_by_users_id_fk" FOREIGN KEY ("activated_by") REFERENCES "users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "procedure_competent_units_unit_idx" ON "procedure_competent_units" USING btree ("unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "procedure_versions_uq" ON "procedure_versions" USING btree ("procedure_id","version_no");--> statement-breakpoint
CREATE UNIQUE INDEX "procedures_national_code_uq" ON "procedures" USING btree ("national_code");--> statement-breakpoint
CREATE INDEX "procedures_field_idx" ON "procedures" USING btree ("field_code");--> statement-breakpoint
CREATE INDEX "procedures_acronym_idx" ON "procedures" USING btree ("acronym");--> statement-breakpoint
CREATE UNIQUE INDEX "publication_decisions_number_uq" ON "publication_decisions" USING btree ("issuing_unit_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "workflow_definitions_version_uq" ON "workflow_definitions" USING btree ("procedure_id","unit_id","version_no");--> statement-breakpoint
CREATE UNIQUE INDEX "workflow_definitions_active_uq" ON "workflow_definitions" USING btree ("procedure_id","unit_id") WHERE "workflow_definitions"."status" = 'active';--> statement-breakpoint
CREATE INDEX "workflow_definitions_unit_idx" ON "workflow_definitions" USING btree ("unit_id");