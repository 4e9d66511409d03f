-- Custom SQL migration file, put your code below! --
-- The rollup now keeps the days a running dossier is within time (open ranges), so a period that
-- is over no longer reads its running dossiers raw. Facts stored before this migration have no
-- range for a running dossier: queue every dossier received and not finished, and the next
-- refresh (the index drains the queue before it reads) replaces their facts.
INSERT INTO kpi_rollup_queue (dossier_id)
  SELECT id FROM dossiers WHERE received_at IS NOT NULL AND completed_at IS NULL;
