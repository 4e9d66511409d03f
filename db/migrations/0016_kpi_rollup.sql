CREATE TABLE "kpi_daily" (
	"day" date NOT NULL,
	"competent_unit_id" uuid NOT NULL,
	"receiving_unit_id" uuid NOT NULL,
	"received" integer DEFAULT 0 NOT NULL,
	"received_online" integer DEFAULT 0 NOT NULL,
	"digitized" integer DEFAULT 0 NOT NULL,
	"reused" integer DEFAULT 0 NOT NULL,
	"counted_received" integer DEFAULT 0 NOT NULL,
	"counted_completed" integer DEFAULT 0 NOT NULL,
	"on_time" integer DEFAULT 0 NOT NULL,
	"on_time_satisfied" integer DEFAULT 0 NOT NULL,
	"processed" integer DEFAULT 0 NOT NULL,
	"e_result" integer DEFAULT 0 NOT NULL,
	"within_delta" integer DEFAULT 0 NOT NULL,
	"within_satisfied_delta" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "kpi_daily_day_competent_unit_id_receiving_unit_id_pk" PRIMARY KEY("day","competent_unit_id","receiving_unit_id")
);
--> statement-breakpoint
CREATE TABLE "kpi_daily_procedures" (
	"procedure_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"day" date NOT NULL,
	"online_received" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "kpi_daily_procedures_procedure_id_unit_id_day_pk" PRIMARY KEY("procedure_id","unit_id","day")
);
--> statement-breakpoint
CREATE TABLE "kpi_dossier_facts" (
	"dossier_id" uuid PRIMARY KEY NOT NULL,
	"competent_unit_id" uuid NOT NULL,
	"receiving_unit_id" uuid NOT NULL,
	"procedure_id" uuid NOT NULL,
	"received_day" date,
	"completed_day" date,
	"online" boolean NOT NULL,
	"digitized" boolean NOT NULL,
	"reused" boolean NOT NULL,
	"counted" boolean NOT NULL,
	"on_time" boolean NOT NULL,
	"satisfied" boolean NOT NULL,
	"processed" boolean NOT NULL,
	"e_result" boolean NOT NULL,
	"within_from" date,
	"within_to" date,
	"paused_within_from" date,
	"paused_within_to" date
);
--> statement-breakpoint
CREATE TABLE "kpi_rollup_queue" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "kpi_rollup_queue_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"dossier_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE INDEX "kpi_daily_procedures_day_idx" ON "kpi_daily_procedures" USING btree ("day");--> statement-breakpoint
-- kpi rollup (src/modules/kpi/rollup.*): every change that can move a dossier's figures queues the
-- dossier; refreshRollup() takes the queue and replaces the dossier's contribution. The generator
-- sets motcua.kpi_rollup = 'deferred' for its bulk loads and rebuilds the rollup afterwards.
CREATE FUNCTION kpi_rollup_enqueue() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ids uuid[] := '{}';
BEGIN
  IF current_setting('motcua.kpi_rollup', true) = 'deferred' THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    ids := ids || (to_jsonb(OLD) ->> TG_ARGV[0])::uuid;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    ids := ids || (to_jsonb(NEW) ->> TG_ARGV[0])::uuid;
  END IF;
  INSERT INTO kpi_rollup_queue (dossier_id) SELECT DISTINCT x FROM unnest(ids) AS x WHERE x IS NOT NULL;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER dossiers_kpi_insert AFTER INSERT ON dossiers FOR EACH ROW EXECUTE FUNCTION kpi_rollup_enqueue('id');
--> statement-breakpoint
-- Only the columns the index reads: a forward from step to step does not queue anything.
CREATE TRIGGER dossiers_kpi_update AFTER UPDATE ON dossiers FOR EACH ROW
  WHEN (OLD.received_at IS DISTINCT FROM NEW.received_at OR OLD.completed_at IS DISTINCT FROM NEW.completed_at
    OR OLD.status IS DISTINCT FROM NEW.status OR OLD.outcome IS DISTINCT FROM NEW.outcome
    OR OLD.legal_due_at IS DISTINCT FROM NEW.legal_due_at OR OLD.paused_since IS DISTINCT FROM NEW.paused_since
    OR OLD.supplement_count IS DISTINCT FROM NEW.supplement_count OR OLD.channel IS DISTINCT FROM NEW.channel
    OR OLD.competent_unit_id IS DISTINCT FROM NEW.competent_unit_id OR OLD.receiving_unit_id IS DISTINCT FROM NEW.receiving_unit_id
    OR OLD.procedure_id IS DISTINCT FROM NEW.procedure_id)
  EXECUTE FUNCTION kpi_rollup_enqueue('id');
--> statement-breakpoint
CREATE TRIGGER dossier_components_kpi AFTER INSERT OR UPDATE OR DELETE ON dossier_components FOR EACH ROW EXECUTE FUNCTION kpi_rollup_enqueue('dossier_id');
--> statement-breakpoint
CREATE TRIGGER dossier_results_kpi AFTER INSERT OR UPDATE OR DELETE ON dossier_results FOR EACH ROW EXECUTE FUNCTION kpi_rollup_enqueue('dossier_id');
--> statement-breakpoint
CREATE TRIGGER store_items_kpi AFTER INSERT OR UPDATE OR DELETE ON store_items FOR EACH ROW EXECUTE FUNCTION kpi_rollup_enqueue('source_dossier_id');
--> statement-breakpoint
CREATE TRIGGER store_item_reuses_kpi AFTER INSERT OR UPDATE OR DELETE ON store_item_reuses FOR EACH ROW EXECUTE FUNCTION kpi_rollup_enqueue('dossier_id');
--> statement-breakpoint
CREATE TRIGGER satisfaction_ratings_kpi AFTER INSERT OR UPDATE OR DELETE ON satisfaction_ratings FOR EACH ROW EXECUTE FUNCTION kpi_rollup_enqueue('dossier_id');
--> statement-breakpoint
CREATE TRIGGER feedback_items_kpi AFTER INSERT OR UPDATE OF dossier_id OR DELETE ON feedback_items FOR EACH ROW EXECUTE FUNCTION kpi_rollup_enqueue('dossier_id');
--> statement-breakpoint
-- The index reads the few running dossiers raw (their "within time" depends on the instant asked).
CREATE INDEX kpi_dossiers_running_idx ON dossiers (received_at) WHERE completed_at IS NULL;
--> statement-breakpoint
CREATE INDEX kpi_dossiers_completed_idx ON dossiers (completed_at);
