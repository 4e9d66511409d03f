CREATE TABLE "result_signing_requests" (
	"transaction_id" text PRIMARY KEY NOT NULL,
	"dossier_id" uuid NOT NULL,
	"requested_by" uuid NOT NULL,
	"provider_user_id" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"prepared_file_id" uuid NOT NULL,
	"certificate_chain" text NOT NULL,
	"unit_code" text NOT NULL,
	"unit_name" text NOT NULL,
	"original_name" text,
	"status" text DEFAULT 'pending' NOT NULL,
	"claimed_until" timestamp with time zone,
	"signed_file_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "result_signing_requests_status_check" CHECK ("result_signing_requests"."status" in ('pending', 'signed', 'refused', 'expired', 'failed')),
	CONSTRAINT "result_signing_requests_signed_check" CHECK (("result_signing_requests"."status" = 'signed') = ("result_signing_requests"."signed_file_id" is not null))
);
--> statement-breakpoint
ALTER TABLE "result_signing_requests" ADD CONSTRAINT "result_signing_requests_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "dossiers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "result_signing_requests" ADD CONSTRAINT "result_signing_requests_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "result_signing_requests" ADD CONSTRAINT "result_signing_requests_prepared_file_id_stored_files_id_fk" FOREIGN KEY ("prepared_file_id") REFERENCES "stored_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "result_signing_requests" ADD CONSTRAINT "result_signing_requests_signed_file_id_stored_files_id_fk" FOREIGN KEY ("signed_file_id") REFERENCES "stored_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "result_signing_requests_expires_at_idx" ON "result_signing_requests" USING btree ("expires_at");