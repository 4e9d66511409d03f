CREATE TABLE "certification_register_sequences" (
	"unit_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"last_value" integer NOT NULL,
	CONSTRAINT "certification_register_sequences_unit_id_year_pk" PRIMARY KEY("unit_id","year")
);
--> statement-breakpoint
CREATE TABLE "certified_copies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dossier_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"number" integer NOT NULL,
	"scan_file_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"pages" integer NOT NULL,
	"certified_by" uuid NOT NULL,
	"certifier_title" text,
	"certified_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "certification_register_sequences" ADD CONSTRAINT "certification_register_sequences_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certified_copies" ADD CONSTRAINT "certified_copies_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "dossiers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certified_copies" ADD CONSTRAINT "certified_copies_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certified_copies" ADD CONSTRAINT "certified_copies_scan_file_id_stored_files_id_fk" FOREIGN KEY ("scan_file_id") REFERENCES "stored_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certified_copies" ADD CONSTRAINT "certified_copies_file_id_stored_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "stored_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certified_copies" ADD CONSTRAINT "certified_copies_certified_by_users_id_fk" FOREIGN KEY ("certified_by") REFERENCES "users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "certified_copies_register_uq" ON "certified_copies" USING btree ("unit_id","year","number");--> statement-breakpoint
CREATE INDEX "certified_copies_dossier_idx" ON "certified_copies" USING btree ("dossier_id");