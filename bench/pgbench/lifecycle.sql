-- The database work of one dossier lifecycle, as pgbench sees it (bench/pgbench/README in
-- BENCHMARKS.md "What bounds it"): 8 requests, each a session read, then a transaction that locks
-- one dossier of the 1 M, reads its history, updates it and appends a row, then reads it back —
-- 9 statements per request, 72 per lifecycle in 8 transactions, the shape the bench measures
-- (80 statements, 8 transactions). One pgbench "transaction" here is one whole lifecycle.
\set n random(1, 1000000)
\set r 1
SELECT id, username FROM users ORDER BY id LIMIT 1;
BEGIN;
SELECT id, status, version FROM dossiers WHERE id = (SELECT id FROM pgb_ids WHERE n = :n) FOR UPDATE;
SELECT action, occurred_at FROM dossier_events WHERE dossier_id = (SELECT id FROM pgb_ids WHERE n = :n) ORDER BY occurred_at LIMIT 20;
UPDATE dossiers SET version = version + 1 WHERE id = (SELECT id FROM pgb_ids WHERE n = :n);
INSERT INTO pgb_events (n, step) VALUES (:n, 1);
COMMIT;
SELECT id, code, status FROM dossiers WHERE id = (SELECT id FROM pgb_ids WHERE n = :n);
SELECT count(*) FROM pgb_events WHERE n = :n;
SELECT id, username FROM users ORDER BY id LIMIT 1;
BEGIN;
SELECT id, status, version FROM dossiers WHERE id = (SELECT id FROM pgb_ids WHERE n = :n) FOR UPDATE;
SELECT action, occurred_at FROM dossier_events WHERE dossier_id = (SELECT id FROM pgb_ids WHERE n = :n) ORDER BY occurred_at LIMIT 20;
UPDATE dossiers SET version = version + 1 WHERE id = (SELECT id FROM pgb_ids WHERE n = :n);
INSERT INTO pgb_events (n, step) VALUES (:n, 2);
COMMIT;
SELECT id, code, status FROM dossiers WHERE id = (SELECT id FROM pgb_ids WHERE n = :n);
SELECT count(*) FROM pgb_events WHERE n = :n;
SELECT id, username FROM users ORDER BY id LIMIT 1;
BEGIN;
SELECT id, status, version FROM dossiers WHERE id = (SELECT id FROM pgb_ids WHERE n = :n) FOR UPDATE;
SELECT action, occurred_at FROM dossier_events WHERE dossier_id = (SELECT id FROM pgb_ids WHERE n = :n) ORDER BY occurred_at LIMIT 20;
UPDATE dossiers SET version = version + 1 WHERE id = (SELECT id FROM pgb_ids WHERE n = :n);
INSERT INTO pgb_events (n, step) VALUES (:n, 3);
COMMIT;
SELECT id, code, status FROM dossiers WHERE id = (SELECT id FROM pgb_ids WHERE n = :n);
SELECT count(*) FROM pgb_events WHERE n = :n;
SELECT id, username FROM users ORDER BY id LIMIT 1;
BEGIN;
SELECT id, status, version FROM dossiers WHERE id = (SELECT id FROM pgb_ids WHERE n = :n) FOR UPDATE;
SELECT action, occurred_at FROM dossier_events WHERE dossier_id = (SELECT id FROM pgb_ids WHERE n = :n) ORDER BY occurred_at LIMIT 20;
UPDATE dossiers SET version = version + 1 WHERE id = (SELECT id FROM pgb_ids WHERE n = :n);
INSERT INTO pgb_events (n, step) VALUES (:n, 4);
COMMIT;
SELECT id, code, status FROM dossiers WHERE id = (SELECT id FROM pgb_ids WHERE n = :n);
SELECT count(*) FROM pgb_events WHERE n = :n;
SELECT id, username FROM users ORDER BY id LIMIT 1;
BEGIN;
SELECT id, status, version FROM dossiers WHERE id = (SELECT id FROM pgb_ids WHERE n = :n) FOR UPDATE;
SELECT action, occurred_at FROM dossier_events WHERE dossier_id = (SELECT id FROM pgb_ids WHERE n = :n) ORDER BY occurred_at LIMIT 20;
UPDATE dossiers SET version = version + 1 WHERE id = (SELECT id FROM pgb_ids WHERE n = :n);
INSERT INTO pgb_events (n, step) VALUES (:n, 5);
COMMIT;
SELECT id, code, status FROM dossiers WHERE id = (SELECT id FROM pgb_ids WHERE n = :n);
SELECT count(*) FROM pgb_events WHERE n = :n;
SELECT id, username FROM users ORDER BY id LIMIT 1;
BEGIN;
SELECT id, status, version FROM dossiers WHERE id = (SELECT id FROM pgb_ids WHERE n = :n) FOR UPDATE;
SELECT action, occurred_at FROM dossier_events WHERE dossier_id = (SELECT id FROM pgb_ids WHERE n = :n) ORDER BY occurred_at LIMIT 20;
UPDATE dossiers SET version = version + 1 WHERE id = (SELECT id FROM pgb_ids WHERE n = :n);
INSERT INTO pgb_events (n, step) VALUES (:n, 6);
COMMIT;
SELECT id, code, status FROM dossiers WHERE id = (SELECT id FROM pgb_ids WHERE n = :n);
SELECT count(*) FROM pgb_events WHERE n = :n;
SELECT id, username FROM users ORDER BY id LIMIT 1;
BEGIN;
SELECT id, status, version FROM dossiers WHERE id = (SELECT id FROM pgb_ids WHERE n = :n) FOR UPDATE;
SELECT action, occurred_at FROM dossier_events WHERE dossier_id = (SELECT id FROM pgb_ids WHERE n = :n) ORDER BY occurred_at LIMIT 20;
UPDATE dossiers SET version = version + 1 WHERE id = (SELECT id FROM pgb_ids WHERE n = :n);
INSERT INTO pgb_events (n, step) VALUES (:n, 7);
COMMIT;
SELECT id, code, status FROM dossiers WHERE id = (SELECT id FROM pgb_ids WHERE n = :n);
SELECT count(*) FROM pgb_events WHERE n = :n;
SELECT id, username FROM users ORDER BY id LIMIT 1;
BEGIN;
SELECT id, status, version FROM dossiers WHERE id = (SELECT id FROM pgb_ids WHERE n = :n) FOR UPDATE;
SELECT action, occurred_at FROM dossier_events WHERE dossier_id = (SELECT id FROM pgb_ids WHERE n = :n) ORDER BY occurred_at LIMIT 20;
UPDATE dossiers SET version = version + 1 WHERE id = (SELECT id FROM pgb_ids WHERE n = :n);
INSERT INTO pgb_events (n, step) VALUES (:n, 8);
COMMIT;
SELECT id, code, status FROM dossiers WHERE id = (SELECT id FROM pgb_ids WHERE n = :n);
SELECT count(*) FROM pgb_events WHERE n = :n;
