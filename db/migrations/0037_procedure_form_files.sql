CREATE TABLE "procedure_form_files" (
	"version_id" uuid NOT NULL,
	"component_id" uuid NOT NULL,
	"sha256" text NOT NULL,
	"size" integer NOT NULL,
	"media_type" text NOT NULL,
	"file_name" text NOT NULL,
	"uploaded_by" uuid NOT NULL,
	"uploaded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "procedure_form_files_version_id_component_id_pk" PRIMARY KEY("version_id","component_id"),
	CONSTRAINT "procedure_form_files_sha256_check" CHECK ("procedure_form_files"."sha256" ~ '^[0-9a-f]{64}$'),
	CONSTRAINT "procedure_form_files_size_check" CHECK ("procedure_form_files"."size" > 0)
);
--> statement-breakpoint
ALTER TABLE "procedure_form_files" ADD CONSTRAINT "procedure_form_files_version_id_procedure_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "procedure_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procedure_form_files" ADD CONSTRAINT "procedure_form_files_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "users"("id") ON DELETE no action ON UPDATE no action;