ALTER TABLE "kpi_daily" ADD COLUMN "received_national_store" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "kpi_daily" ADD COLUMN "received_population_due" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "kpi_daily" ADD COLUMN "received_population_used" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "kpi_daily" ADD COLUMN "certification_processed" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "kpi_daily" ADD COLUMN "certification_signed" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "kpi_dossier_facts" ADD COLUMN "national_store" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "kpi_dossier_facts" ADD COLUMN "population_due" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "kpi_dossier_facts" ADD COLUMN "population_used" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "kpi_dossier_facts" ADD COLUMN "certification" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "kpi_dossier_facts" ADD COLUMN "signed_e_result" boolean DEFAULT false NOT NULL;