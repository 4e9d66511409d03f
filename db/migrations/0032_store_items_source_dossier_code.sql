-- A store item keeps its source dossier's code (shown in the applicant's store), so the datastore
-- module no longer reads the dossiers table: added nullable, filled from the dossiers the items
-- came from, then made NOT NULL (every item has a source dossier).
ALTER TABLE "store_items" ADD COLUMN "source_dossier_code" text;
--> statement-breakpoint
UPDATE store_items s SET source_dossier_code = d.code FROM dossiers d WHERE d.id = s.source_dossier_id;
--> statement-breakpoint
ALTER TABLE "store_items" ALTER COLUMN "source_dossier_code" SET NOT NULL;
