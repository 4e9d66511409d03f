-- The reference stamp (issue 17, kernel/reference-cache.ts): one row whose version every write to a
-- reference table bumps in the writing transaction, so API processes may keep reference data in
-- memory under the stamp they read and see any process's change at their next request. The writing
-- transaction is also marked (motcua.reference_written, transaction-local), and the stamp read
-- answers null inside it: what it reads is not shared until it commits.
CREATE TABLE reference_stamp (
  id smallint PRIMARY KEY CHECK (id = 1),
  version bigint NOT NULL
);--> statement-breakpoint
INSERT INTO reference_stamp (id, version) VALUES (1, 1);--> statement-breakpoint
CREATE FUNCTION reference_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM set_config('motcua.reference_written', 'yes', true);
  UPDATE reference_stamp SET version = version + 1 WHERE id = 1;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER reference_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON units
  FOR EACH STATEMENT EXECUTE FUNCTION reference_changed();--> statement-breakpoint
CREATE TRIGGER reference_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON calendar_years
  FOR EACH STATEMENT EXECUTE FUNCTION reference_changed();--> statement-breakpoint
CREATE TRIGGER reference_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON calendar_days
  FOR EACH STATEMENT EXECUTE FUNCTION reference_changed();--> statement-breakpoint
CREATE TRIGGER reference_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON procedures
  FOR EACH STATEMENT EXECUTE FUNCTION reference_changed();--> statement-breakpoint
CREATE TRIGGER reference_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON procedure_versions
  FOR EACH STATEMENT EXECUTE FUNCTION reference_changed();--> statement-breakpoint
CREATE TRIGGER reference_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON workflow_definitions
  FOR EACH STATEMENT EXECUTE FUNCTION reference_changed();--> statement-breakpoint
CREATE TRIGGER reference_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON eform_definitions
  FOR EACH STATEMENT EXECUTE FUNCTION reference_changed();
