CREATE TABLE "kpi_running" (
	"due_day" date NOT NULL,
	"competent_unit_id" uuid NOT NULL,
	"receiving_unit_id" uuid NOT NULL,
	"open" integer DEFAULT 0 NOT NULL,
	"open_satisfied" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "kpi_running_due_day_competent_unit_id_receiving_unit_id_pk" PRIMARY KEY("due_day","competent_unit_id","receiving_unit_id")
);
--> statement-breakpoint
ALTER TABLE "kpi_daily" ADD COLUMN "running_paused_within" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "kpi_daily" ADD COLUMN "running_paused_within_satisfied" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "kpi_dossier_facts" ADD COLUMN "running_open" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "kpi_dossier_facts" ADD COLUMN "running_paused_within" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "kpi_dossier_facts" ADD COLUMN "due_day" date;