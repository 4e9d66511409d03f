CREATE TABLE "report_submission_log" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "report_submission_log_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"report_id" uuid NOT NULL,
	"attempt" integer NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"outcome" text NOT NULL,
	"http_status" integer,
	"receipt" text,
	"error" text
);
--> statement-breakpoint
CREATE TABLE "sim_baocao_reports" (
	"idempotency_key" text PRIMARY KEY NOT NULL,
	"receipt" text NOT NULL,
	"unit_code" text NOT NULL,
	"period_id" text NOT NULL,
	"payload" jsonb NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"requests" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "statutory_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"period_id" text NOT NULL,
	"form" text DEFAULT '06' NOT NULL,
	"period_from" text NOT NULL,
	"period_to" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"content" jsonb NOT NULL,
	"prepared_by" uuid NOT NULL,
	"preparer_name" text NOT NULL,
	"prepared_at" timestamp with time zone NOT NULL,
	"signed_by" uuid,
	"signer_name" text,
	"signed_at" timestamp with time zone,
	"idempotency_key" uuid DEFAULT gen_random_uuid() NOT NULL,
	"delivery_status" text,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone,
	"delivered_at" timestamp with time zone,
	"receipt" text,
	"last_error" text,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "statutory_reports_status_check" CHECK ("statutory_reports"."status" in ('draft', 'submitted', 'delivered')),
	CONSTRAINT "statutory_reports_delivery_check" CHECK ("statutory_reports"."delivery_status" is null or "statutory_reports"."delivery_status" in ('pending', 'failed', 'delivered')),
	CONSTRAINT "statutory_reports_signer_check" CHECK ("statutory_reports"."signed_by" is null or "statutory_reports"."signed_by" <> "statutory_reports"."prepared_by")
);
--> statement-breakpoint
ALTER TABLE "report_submission_log" ADD CONSTRAINT "report_submission_log_report_id_statutory_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "statutory_reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statutory_reports" ADD CONSTRAINT "statutory_reports_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statutory_reports" ADD CONSTRAINT "statutory_reports_prepared_by_users_id_fk" FOREIGN KEY ("prepared_by") REFERENCES "users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statutory_reports" ADD CONSTRAINT "statutory_reports_signed_by_users_id_fk" FOREIGN KEY ("signed_by") REFERENCES "users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "report_submission_log_report_idx" ON "report_submission_log" USING btree ("report_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "statutory_reports_unit_period_uq" ON "statutory_reports" USING btree ("unit_id","period_id","form");--> statement-breakpoint
CREATE INDEX "statutory_reports_due_idx" ON "statutory_reports" USING btree ("next_attempt_at") WHERE "statutory_reports"."delivery_status" in ('pending', 'failed');