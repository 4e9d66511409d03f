-- A publication is a snapshot of what the portal published (công khai): once made it is never
-- changed or removed, whatever the application does, so the page a visitor read on the day of
-- publication is the page shown later. Its content_sha256 lets anyone who kept a copy check it.
CREATE FUNCTION publications_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'publications are immutable (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
--> statement-breakpoint
CREATE TRIGGER publications_no_update_delete BEFORE UPDATE OR DELETE ON publications
  FOR EACH ROW EXECUTE FUNCTION publications_refuse_change();
--> statement-breakpoint
COMMENT ON TABLE publications IS 'Công khai: immutable snapshots of the late list and of the 766 index, one per kind, period and province.';
--> statement-breakpoint
COMMENT ON TABLE directory_entries IS 'Danh bạ Bộ phận Một cửa: head and staff of a unit''s one-stop department, public by design.';
