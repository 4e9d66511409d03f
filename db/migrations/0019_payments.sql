CREATE TABLE "paygov_sim_transactions" (
	"transaction_id" text PRIMARY KEY NOT NULL,
	"merchant_code" text NOT NULL,
	"order_id" text NOT NULL,
	"amount_vnd" integer NOT NULL,
	"order_info" text NOT NULL,
	"return_url" text NOT NULL,
	"ipn_url" text NOT NULL,
	"status" text NOT NULL,
	"bank_code" text,
	"created_at" timestamp with time zone NOT NULL,
	"completed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "payment_reconciliations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"provider" text NOT NULL,
	"day" date NOT NULL,
	"statement_count" integer NOT NULL,
	"matched" integer NOT NULL,
	"mismatches" jsonb NOT NULL,
	"run_by" uuid,
	"run_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "payments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"serial" bigint GENERATED ALWAYS AS IDENTITY (sequence name "payments_serial_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"dossier_id" uuid NOT NULL,
	"obligation_id" uuid,
	"amount_vnd" integer NOT NULL,
	"channel" text NOT NULL,
	"provider" text NOT NULL,
	"status" text NOT NULL,
	"provider_transaction_id" text,
	"bank_code" text,
	"receipt_number" text,
	"payer_user_id" uuid,
	"reconciliation" text DEFAULT 'unreconciled' NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"paid_at" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "payments_amount_check" CHECK ("payments"."amount_vnd" > 0),
	CONSTRAINT "payments_channel_check" CHECK ("payments"."channel" in ('online', 'counter')),
	CONSTRAINT "payments_status_check" CHECK ("payments"."status" in ('pending', 'paid', 'failed', 'cancelled', 'expired'))
);
--> statement-breakpoint
ALTER TABLE "kpi_daily" ADD COLUMN "received_with_fees" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "kpi_daily" ADD COLUMN "received_paid_online" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "kpi_daily_procedures" ADD COLUMN "paid_online_received" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "kpi_dossier_facts" ADD COLUMN "with_fees" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "kpi_dossier_facts" ADD COLUMN "paid_online" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "payment_reconciliations" ADD CONSTRAINT "payment_reconciliations_run_by_users_id_fk" FOREIGN KEY ("run_by") REFERENCES "users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "dossiers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_obligation_id_dossier_obligations_id_fk" FOREIGN KEY ("obligation_id") REFERENCES "dossier_obligations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_payer_user_id_users_id_fk" FOREIGN KEY ("payer_user_id") REFERENCES "users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "payments_dossier_idx" ON "payments" USING btree ("dossier_id");--> statement-breakpoint
CREATE INDEX "payments_paid_idx" ON "payments" USING btree ("provider","paid_at");--> statement-breakpoint
CREATE UNIQUE INDEX "payments_provider_txn_uq" ON "payments" USING btree ("provider","provider_transaction_id");--> statement-breakpoint
CREATE UNIQUE INDEX "payments_receipt_uq" ON "payments" USING btree ("receipt_number");--> statement-breakpoint
-- kpi rollup: a payment moves its dossier's payment figures (src/modules/kpi/rollup.sql.ts).
CREATE TRIGGER payments_kpi AFTER INSERT OR UPDATE OF status, channel, dossier_id OR DELETE ON payments FOR EACH ROW EXECUTE FUNCTION kpi_rollup_enqueue('dossier_id');
--> statement-breakpoint
-- Tích hợp thanh toán trực tuyến (ChannelOffer.onlinePayment): stored procedure documents say it
-- explicitly; no channel was integrated before the payments module existed.
UPDATE procedure_versions SET content = jsonb_set(content, '{channels}', (
  SELECT coalesce(jsonb_agg(CASE WHEN x.c ? 'onlinePayment' THEN x.c ELSE x.c || '{"onlinePayment": false}'::jsonb END ORDER BY x.n), '[]'::jsonb)
  FROM jsonb_array_elements(content->'channels') WITH ORDINALITY AS x(c, n)))
WHERE jsonb_typeof(content->'channels') = 'array';
