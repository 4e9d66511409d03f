ALTER TABLE "paygov_sim_transactions" ADD COLUMN "expires_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "payment_reconciliations" ADD COLUMN "mismatched" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "payment_reconciliations" ADD COLUMN "missing_here" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "payment_reconciliations" ADD COLUMN "missing_there" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "payment_reconciliations" ADD COLUMN "ours_paid_vnd" bigint;--> statement-breakpoint
ALTER TABLE "payment_reconciliations" ADD COLUMN "statement_paid_vnd" bigint;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "expires_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "payment_reconciliations_day_idx" ON "payment_reconciliations" USING btree ("day","run_at");--> statement-breakpoint
CREATE INDEX "payments_pending_expiry_idx" ON "payments" USING btree ("expires_at") WHERE "payments"."status" = 'pending';--> statement-breakpoint
-- Pending online payments started before expiry was kept lapse at the default (PAYMENT_EXPIRY_MINUTES = 1440).
UPDATE "payments" SET "expires_at" = "created_at" + interval '1440 minutes' WHERE "channel" = 'online' AND "status" = 'pending';--> statement-breakpoint
-- Earlier runs: the counts come from their stored mismatches (the day's totals were not kept).
UPDATE "payment_reconciliations" SET
  "mismatched" = (SELECT count(*) FROM jsonb_array_elements("mismatches") m WHERE m->>'kind' IN ('amount', 'status')),
  "missing_here" = (SELECT count(*) FROM jsonb_array_elements("mismatches") m WHERE m->>'kind' = 'missingHere'),
  "missing_there" = (SELECT count(*) FROM jsonb_array_elements("mismatches") m WHERE m->>'kind' = 'missingThere');
