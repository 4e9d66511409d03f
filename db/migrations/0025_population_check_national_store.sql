ALTER TABLE "dossier_components" ADD COLUMN "national_document_id" text;--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "population_check" text;--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "population_checked_at" timestamp with time zone;