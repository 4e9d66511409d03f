-- Typo-tolerant, diacritic-free procedure search (catalog/search.rules.ts computes search_text).
-- pg_trgm is a trusted extension (PostgreSQL 13+), so the database owner may create it; it lives
-- in `public`, which every connection keeps on its search_path after the application schema.
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "procedures_search_text_trgm_idx" ON "procedures" USING gin ("search_text" public.gin_trgm_ops);
