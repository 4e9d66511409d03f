-- Custom SQL migration file, put your code below! --
-- A period not over now counts its running dossiers from counters (kpi_running, and
-- kpi_daily.running_paused_within); facts stored before this migration lack them: queue every
-- dossier received and not finished, and the next refresh replaces their facts.
INSERT INTO kpi_rollup_queue (dossier_id)
  SELECT id FROM dossiers WHERE received_at IS NOT NULL AND completed_at IS NULL;
--> statement-breakpoint
-- What the counters cannot judge is read raw through these (rollup.query.ts, runningCorrections):
-- the running dossiers due in the minute of "now", and those paused after "now" (an earlier now).
CREATE INDEX kpi_dossiers_running_due_idx ON dossiers (legal_due_at) WHERE completed_at IS NULL;
--> statement-breakpoint
CREATE INDEX kpi_dossiers_running_paused_idx ON dossiers (paused_since) WHERE completed_at IS NULL AND paused_since IS NOT NULL;
--> statement-breakpoint
-- 0029's dossiers_completed_idx (declared in the schema) is this index again: keep one.
DROP INDEX IF EXISTS kpi_dossiers_completed_idx;
