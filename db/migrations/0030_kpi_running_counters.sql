CREATE TABLE "kpi_running" (
	"due_minute" timestamp with time zone NOT NULL,
	"competent_unit_id" uuid NOT NULL,
	"receiving_unit_id" uuid NOT NULL,
	"open" integer DEFAULT 0 NOT NULL,
	"open_satisfied" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "kpi_running_due_minute_competent_unit_id_receiving_unit_id_pk" PRIMARY KEY("due_minute","competent_unit_id","receiving_unit_id")
);
--> statement-breakpoint
ALTER TABLE "kpi_daily" ADD COLUMN "running_paused_within" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "kpi_daily" ADD COLUMN "running_paused_within_satisfied" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "kpi_dossier_facts" ADD COLUMN "running_open" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "kpi_dossier_facts" ADD COLUMN "running_paused_within" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "kpi_dossier_facts" ADD COLUMN "due_minute" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "kpi_running_zero_idx" ON "kpi_running" USING btree ("due_minute") WHERE open = 0;--> statement-breakpoint
CREATE INDEX "store_item_reuses_dossier_idx" ON "store_item_reuses" USING btree ("dossier_id","component_id");--> statement-breakpoint
CREATE INDEX "store_items_source_dossier_idx" ON "store_items" USING btree ("source_dossier_id","source_component_id");--> statement-breakpoint
CREATE INDEX "feedback_items_dossier_idx" ON "feedback_items" USING btree ("dossier_id");