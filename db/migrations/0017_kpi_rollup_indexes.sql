-- Custom SQL migration file, put your code below! ---- kpi rollup: the facts of a batch of dossiers read these tables by dossier (refreshRollup's
-- shadowing CTEs, the digitization predicate's NOT EXISTS); without these indexes every refresh
-- batch scanned them whole.
CREATE INDEX kpi_store_items_source_idx ON store_items (source_dossier_id, source_component_id);
--> statement-breakpoint
CREATE INDEX kpi_store_item_reuses_dossier_idx ON store_item_reuses (dossier_id, component_id);
--> statement-breakpoint
CREATE INDEX kpi_feedback_items_dossier_idx ON feedback_items (dossier_id) WHERE dossier_id IS NOT NULL;
