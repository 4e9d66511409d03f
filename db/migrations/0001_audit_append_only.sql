-- The audit log is append-only in the database itself: whatever the application does, rows
-- cannot be changed or removed through it. (Production also grants the application role only
-- SELECT and INSERT on audit_log; see docs/OPERATIONS.md.) The hash chain catches what a
-- superuser could still do by disabling these triggers.
CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
--> statement-breakpoint
CREATE TRIGGER audit_log_no_update_delete BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();
--> statement-breakpoint
COMMENT ON TABLE audit_log IS 'Nhật ký kiểm toán: append-only, hash-chained (hash = sha256(prev_hash || canonical row)).';
--> statement-breakpoint
COMMENT ON COLUMN audit_log.seq IS 'Gapless sequence assigned under an advisory lock; a gap means a deleted row.';
--> statement-breakpoint
COMMENT ON COLUMN audit_log.summary IS 'What changed (before/after of the fields touched), personal data masked.';
--> statement-breakpoint
COMMENT ON COLUMN audit_log.prev_hash IS 'hash of the row with seq - 1 (64 zeros for the first row).';
--> statement-breakpoint
COMMENT ON TABLE units IS 'Đơn vị: organisation tree of any depth, with validity dates; closed units remain for old records.';
--> statement-breakpoint
COMMENT ON COLUMN units.official_code IS 'Mã định danh điện tử (QCVN 102:2016), e.g. 000.00.53.H48.';
--> statement-breakpoint
COMMENT ON COLUMN units.admin_unit_code IS 'Mã đơn vị hành chính: 2-digit province or 5-digit commune code (Resolution 202/2025/QH15).';
--> statement-breakpoint
COMMENT ON COLUMN units.valid_to IS 'Exclusive end of validity; null while the unit operates.';
--> statement-breakpoint
COMMENT ON COLUMN units.successor_id IS 'Unit that took over after a merger or closure.';
--> statement-breakpoint
COMMENT ON TABLE users IS 'Tài khoản: staff, citizens and integration service accounts.';
--> statement-breakpoint
COMMENT ON COLUMN users.personal_id IS 'Số định danh cá nhân (CCCD, 12 digits). Personal data: never logged, masked on public pages.';
--> statement-breakpoint
COMMENT ON COLUMN users.password_hash IS 'scrypt$<logN>$<r>$<p>$<salt b64>$<hash b64>; null for token-only service accounts.';
--> statement-breakpoint
COMMENT ON TABLE user_roles IS 'Roles held over a unit subtree; citizen is the only role without a unit.';
--> statement-breakpoint
COMMENT ON COLUMN sessions.token_hash IS 'SHA-256 of the session cookie value; the cookie itself is never stored.';
--> statement-breakpoint
COMMENT ON COLUMN api_tokens.token_hash IS 'SHA-256 of the bearer token; the token is shown once at creation.';
--> statement-breakpoint
COMMENT ON TABLE outbox_events IS 'Transactional outbox: events written with the state change, delivered after commit.';
