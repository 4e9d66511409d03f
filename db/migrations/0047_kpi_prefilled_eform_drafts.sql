CREATE TABLE "eform_definition_drafts" (
	"procedure_version_id" uuid PRIMARY KEY NOT NULL,
	"procedure_id" uuid NOT NULL,
	"definition" jsonb NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" uuid NOT NULL
);
--> statement-breakpoint
ALTER TABLE "kpi_daily" ADD COLUMN "received_online_prefilled" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "kpi_dossier_facts" ADD COLUMN "prefilled_form" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "eform_definition_drafts" ADD CONSTRAINT "eform_definition_drafts_procedure_version_id_procedure_versions_id_fk" FOREIGN KEY ("procedure_version_id") REFERENCES "procedure_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eform_definition_drafts" ADD CONSTRAINT "eform_definition_drafts_procedure_id_procedures_id_fk" FOREIGN KEY ("procedure_id") REFERENCES "procedures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eform_definition_drafts" ADD CONSTRAINT "eform_definition_drafts_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "users"("id") ON DELETE no action ON UPDATE no action;