CREATE TABLE "national_dossier_syncs" (
	"dossier_id" uuid PRIMARY KEY NOT NULL,
	"status" text NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	"synced_version" integer,
	"first_synced_at" timestamp with time zone,
	"last_synced_at" timestamp with time zone,
	"received_synced_at" timestamp with time zone,
	"steps_synced" integer DEFAULT 0 NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone,
	"last_error_code" text,
	"last_error_message" text,
	CONSTRAINT "national_dossier_syncs_status_check" CHECK ("national_dossier_syncs"."status" in ('pending', 'synced', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "sim_dvcqg_dossiers" (
	"ma_ho_so" text PRIMARY KEY NOT NULL,
	"record" jsonb NOT NULL,
	"madonvi" text NOT NULL,
	"first_received_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sim_dvcqg_progress" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "sim_dvcqg_progress_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"ma_ho_so" text NOT NULL,
	"step" jsonb NOT NULL,
	"received_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sim_dvcqg_sessions" (
	"session" text PRIMARY KEY NOT NULL,
	"username" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "outbox_events" ADD COLUMN "next_attempt_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "outbox_events" ADD COLUMN "last_error" text;--> statement-breakpoint
ALTER TABLE "kpi_daily" ADD COLUMN "received_synced" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "kpi_dossier_facts" ADD COLUMN "synced" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "national_dossier_syncs" ADD CONSTRAINT "national_dossier_syncs_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "dossiers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "national_dossier_syncs_due_idx" ON "national_dossier_syncs" USING btree ("next_attempt_at") WHERE "national_dossier_syncs"."status" <> 'synced';--> statement-breakpoint
CREATE INDEX "national_dossier_syncs_status_idx" ON "national_dossier_syncs" USING btree ("status");--> statement-breakpoint
CREATE INDEX "sim_dvcqg_progress_ho_so_idx" ON "sim_dvcqg_progress" USING btree ("ma_ho_so");--> statement-breakpoint
-- kpi rollup (src/modules/kpi/rollup.sql.ts): the portal accepting a dossier as received moves
-- transparency.synced. A new or removed sync row queues its dossier; an update only when the
-- column the index reads changes (pending ↔ synced ↔ failed alone does not move the figure).
CREATE TRIGGER national_dossier_syncs_kpi AFTER INSERT OR DELETE ON national_dossier_syncs FOR EACH ROW EXECUTE FUNCTION kpi_rollup_enqueue('dossier_id');
--> statement-breakpoint
CREATE TRIGGER national_dossier_syncs_kpi_update AFTER UPDATE ON national_dossier_syncs FOR EACH ROW
  WHEN (OLD.received_synced_at IS DISTINCT FROM NEW.received_synced_at OR OLD.dossier_id IS DISTINCT FROM NEW.dossier_id)
  EXECUTE FUNCTION kpi_rollup_enqueue('dossier_id');
