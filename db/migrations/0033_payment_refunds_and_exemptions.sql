CREATE TABLE "paygov_sim_refunds" (
	"refund_id" text PRIMARY KEY NOT NULL,
	"merchant_code" text NOT NULL,
	"transaction_id" text NOT NULL,
	"refund_transaction_id" text,
	"amount_vnd" integer NOT NULL,
	"status" text NOT NULL,
	"result_code" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "payment_exemptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dossier_id" uuid NOT NULL,
	"obligation_id" uuid,
	"amount_vnd" integer NOT NULL,
	"reason" text NOT NULL,
	"exempted_by" uuid NOT NULL,
	"exempted_at" timestamp with time zone NOT NULL,
	CONSTRAINT "payment_exemptions_amount_check" CHECK ("payment_exemptions"."amount_vnd" > 0)
);
--> statement-breakpoint
CREATE TABLE "payment_refunds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"payment_id" uuid NOT NULL,
	"dossier_id" uuid NOT NULL,
	"amount_vnd" integer NOT NULL,
	"ground" text NOT NULL,
	"reason" text NOT NULL,
	"idempotency_key" text NOT NULL,
	"status" text NOT NULL,
	"provider_refund_id" text,
	"failure_reason" text,
	"reconciliation" text DEFAULT 'unreconciled' NOT NULL,
	"requested_by" uuid NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	"completed_at" timestamp with time zone,
	CONSTRAINT "payment_refunds_amount_check" CHECK ("payment_refunds"."amount_vnd" > 0),
	CONSTRAINT "payment_refunds_status_check" CHECK ("payment_refunds"."status" in ('requested', 'succeeded', 'failed')),
	CONSTRAINT "payment_refunds_ground_check" CHECK ("payment_refunds"."ground" in ('refused', 'withdrawn', 'overpaid', 'other'))
);
--> statement-breakpoint
ALTER TABLE "payment_reconciliations" ADD COLUMN "ours_refunded_vnd" bigint;--> statement-breakpoint
ALTER TABLE "payment_reconciliations" ADD COLUMN "statement_refunded_vnd" bigint;--> statement-breakpoint
ALTER TABLE "payment_exemptions" ADD CONSTRAINT "payment_exemptions_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "dossiers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_exemptions" ADD CONSTRAINT "payment_exemptions_obligation_id_dossier_obligations_id_fk" FOREIGN KEY ("obligation_id") REFERENCES "dossier_obligations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_exemptions" ADD CONSTRAINT "payment_exemptions_exempted_by_users_id_fk" FOREIGN KEY ("exempted_by") REFERENCES "users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_refunds" ADD CONSTRAINT "payment_refunds_payment_id_payments_id_fk" FOREIGN KEY ("payment_id") REFERENCES "payments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_refunds" ADD CONSTRAINT "payment_refunds_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "dossiers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_refunds" ADD CONSTRAINT "payment_refunds_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "payment_exemptions_dossier_idx" ON "payment_exemptions" USING btree ("dossier_id");--> statement-breakpoint
CREATE INDEX "payment_refunds_payment_idx" ON "payment_refunds" USING btree ("payment_id");--> statement-breakpoint
CREATE INDEX "payment_refunds_dossier_idx" ON "payment_refunds" USING btree ("dossier_id");--> statement-breakpoint
CREATE INDEX "payment_refunds_requested_idx" ON "payment_refunds" USING btree ("requested_at");--> statement-breakpoint
CREATE UNIQUE INDEX "payment_refunds_idempotency_uq" ON "payment_refunds" USING btree ("idempotency_key");