DROP INDEX "procedures_acronym_idx";--> statement-breakpoint
CREATE INDEX "procedures_acronym_idx" ON "procedures" USING btree ("acronym" text_pattern_ops);