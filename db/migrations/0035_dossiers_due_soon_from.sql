-- "Sắp đến hạn" scales with the dossier's allotment (the last 20 %, at most DUE_SOON_WORKING_DAYS):
-- the instant is computed in working time when the appointment is set and kept on the dossier, so
-- worklists filter on it. Running dossiers get an estimate in calendar time (20 % of received →
-- appointment, at most one day); new appointments get the exact working-time instant.
ALTER TABLE "dossiers" ADD COLUMN "due_soon_from" timestamp with time zone;
--> statement-breakpoint
UPDATE dossiers SET due_soon_from = appointment_at - least((appointment_at - received_at) * 0.2, interval '1 day')
WHERE appointment_at IS NOT NULL AND received_at IS NOT NULL AND appointment_at > received_at;
--> statement-breakpoint
-- A component shown at the counter and checked against its original (đã đối chiếu bản chính): who and when.
ALTER TABLE "dossier_components" ADD COLUMN "original_checked_by" uuid;--> statement-breakpoint
ALTER TABLE "dossier_components" ADD COLUMN "original_checked_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "dossier_components" ADD CONSTRAINT "dossier_components_original_checked_by_users_id_fk" FOREIGN KEY ("original_checked_by") REFERENCES "users"("id") ON DELETE no action ON UPDATE no action;
