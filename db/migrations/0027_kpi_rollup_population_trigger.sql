-- Custom SQL migration file, put your code below! ---- The rollup reads dossiers.population_check now (digitization.populationDossiers): queue a
-- dossier when it changes, as for the other columns the index reads.
DROP TRIGGER dossiers_kpi_update ON dossiers;
--> statement-breakpoint
CREATE TRIGGER dossiers_kpi_update AFTER UPDATE ON dossiers FOR EACH ROW
  WHEN (OLD.received_at IS DISTINCT FROM NEW.received_at OR OLD.completed_at IS DISTINCT FROM NEW.completed_at
    OR OLD.status IS DISTINCT FROM NEW.status OR OLD.outcome IS DISTINCT FROM NEW.outcome
    OR OLD.legal_due_at IS DISTINCT FROM NEW.legal_due_at OR OLD.paused_since IS DISTINCT FROM NEW.paused_since
    OR OLD.supplement_count IS DISTINCT FROM NEW.supplement_count OR OLD.channel IS DISTINCT FROM NEW.channel
    OR OLD.competent_unit_id IS DISTINCT FROM NEW.competent_unit_id OR OLD.receiving_unit_id IS DISTINCT FROM NEW.receiving_unit_id
    OR OLD.procedure_id IS DISTINCT FROM NEW.procedure_id OR OLD.population_check IS DISTINCT FROM NEW.population_check)
  EXECUTE FUNCTION kpi_rollup_enqueue('id');
--> statement-breakpoint
-- Facts stored before this migration say "not a certification" (the new columns' default): queue
-- the processed dossiers of the certification field of this release's configuration
-- (kpi.config.ts CERTIFICATION_FIELD_CODES = ['CT']) so the next refresh counts them. The other
-- new facts (national store, population data) did not exist before: false is right for old rows.
INSERT INTO kpi_rollup_queue (dossier_id)
  SELECT d.id FROM dossiers d JOIN procedures p ON p.id = d.procedure_id
  WHERE p.field_code = 'CT' AND d.status IN ('processed', 'returned');
