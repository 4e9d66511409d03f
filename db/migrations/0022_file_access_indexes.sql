CREATE INDEX "dossier_components_files_idx" ON "dossier_components" USING gin ("file_ids");--> statement-breakpoint
CREATE INDEX "dossier_results_file_idx" ON "dossier_results" USING btree ("file_id");--> statement-breakpoint
CREATE INDEX "feedback_items_files_idx" ON "feedback_items" USING gin ("file_ids");