CREATE INDEX "store_item_reuses_dossier_idx" ON "store_item_reuses" USING btree ("dossier_id","component_id");--> statement-breakpoint
CREATE INDEX "store_items_source_dossier_idx" ON "store_items" USING btree ("source_dossier_id","source_component_id");--> statement-breakpoint
CREATE INDEX "feedback_items_dossier_idx" ON "feedback_items" USING btree ("dossier_id");