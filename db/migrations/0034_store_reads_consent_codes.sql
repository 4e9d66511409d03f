CREATE TABLE "store_consent_codes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"applicant_key" text NOT NULL,
	"code_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"used_by" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "store_reads" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"officer_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"applicant_key" text NOT NULL,
	"procedure_id" uuid,
	"basis" text NOT NULL,
	"purpose" text NOT NULL,
	"refused" boolean DEFAULT false NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "store_consent_codes" ADD CONSTRAINT "store_consent_codes_used_by_users_id_fk" FOREIGN KEY ("used_by") REFERENCES "users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "store_reads" ADD CONSTRAINT "store_reads_officer_id_users_id_fk" FOREIGN KEY ("officer_id") REFERENCES "users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "store_reads" ADD CONSTRAINT "store_reads_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "store_reads" ADD CONSTRAINT "store_reads_procedure_id_procedures_id_fk" FOREIGN KEY ("procedure_id") REFERENCES "procedures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "store_consent_codes_applicant_idx" ON "store_consent_codes" USING btree ("applicant_key","code_hash");--> statement-breakpoint
CREATE INDEX "store_reads_officer_idx" ON "store_reads" USING btree ("officer_id","opened_at");