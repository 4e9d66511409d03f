CREATE TABLE "dossier_eforms" (
	"dossier_id" uuid PRIMARY KEY NOT NULL,
	"definition_id" uuid NOT NULL,
	"procedure_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"competent_unit_id" uuid NOT NULL,
	"receiving_unit_id" uuid NOT NULL,
	"form_key" text NOT NULL,
	"applicant_key" text NOT NULL,
	"values" jsonb NOT NULL,
	"fields_total" integer NOT NULL,
	"fields_prefilled" integer NOT NULL,
	"fields_typed" integer NOT NULL,
	"filed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "eform_definitions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"procedure_id" uuid NOT NULL,
	"procedure_version_id" uuid NOT NULL,
	"form_version" integer NOT NULL,
	"form_key" text NOT NULL,
	"definition" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid
);
--> statement-breakpoint
CREATE TABLE "eform_drafts" (
	"user_id" uuid NOT NULL,
	"procedure_id" uuid NOT NULL,
	"values" jsonb NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "eform_drafts_user_id_procedure_id_pk" PRIMARY KEY("user_id","procedure_id")
);
--> statement-breakpoint
ALTER TABLE "dossier_eforms" ADD CONSTRAINT "dossier_eforms_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "dossiers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_eforms" ADD CONSTRAINT "dossier_eforms_definition_id_eform_definitions_id_fk" FOREIGN KEY ("definition_id") REFERENCES "eform_definitions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_eforms" ADD CONSTRAINT "dossier_eforms_procedure_id_procedures_id_fk" FOREIGN KEY ("procedure_id") REFERENCES "procedures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eform_definitions" ADD CONSTRAINT "eform_definitions_procedure_id_procedures_id_fk" FOREIGN KEY ("procedure_id") REFERENCES "procedures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eform_definitions" ADD CONSTRAINT "eform_definitions_procedure_version_id_procedure_versions_id_fk" FOREIGN KEY ("procedure_version_id") REFERENCES "procedure_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eform_definitions" ADD CONSTRAINT "eform_definitions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eform_drafts" ADD CONSTRAINT "eform_drafts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eform_drafts" ADD CONSTRAINT "eform_drafts_procedure_id_procedures_id_fk" FOREIGN KEY ("procedure_id") REFERENCES "procedures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dossier_eforms_filed_idx" ON "dossier_eforms" USING btree ("filed_at");--> statement-breakpoint
CREATE INDEX "dossier_eforms_applicant_idx" ON "dossier_eforms" USING btree ("applicant_key","form_key","filed_at");--> statement-breakpoint
CREATE UNIQUE INDEX "eform_definitions_version_uq" ON "eform_definitions" USING btree ("procedure_version_id","form_version");