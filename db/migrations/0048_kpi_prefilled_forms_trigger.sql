-- Custom SQL migration file, put your code below! --
-- online.prefilledForms reads dossier_eforms (eforms.reporting.ts): queue a dossier when its filled
-- form is recorded or changes, as for the other tables the rollup's facts read.
CREATE TRIGGER dossier_eforms_kpi AFTER INSERT OR UPDATE OF fields_prefilled, dossier_id OR DELETE ON dossier_eforms FOR EACH ROW EXECUTE FUNCTION kpi_rollup_enqueue('dossier_id');
--> statement-breakpoint
-- Facts stored before this migration say "not prefilled" (the new column's default): queue the
-- dossiers filed with a prefilled form so the next refresh counts them.
INSERT INTO kpi_rollup_queue (dossier_id) SELECT dossier_id FROM dossier_eforms WHERE fields_prefilled > 0;
