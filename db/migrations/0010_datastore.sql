CREATE TABLE "store_item_reuses" (
	"store_item_id" uuid NOT NULL,
	"dossier_id" uuid NOT NULL,
	"component_id" uuid NOT NULL,
	"reused_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "store_item_reuses_store_item_id_dossier_id_component_id_pk" PRIMARY KEY("store_item_id","dossier_id","component_id")
);
--> statement-breakpoint
CREATE TABLE "store_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"applicant_key" text NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"file_ids" uuid[] NOT NULL,
	"source_dossier_id" uuid NOT NULL,
	"source_component_id" uuid,
	"digitized_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "store_item_reuses" ADD CONSTRAINT "store_item_reuses_store_item_id_store_items_id_fk" FOREIGN KEY ("store_item_id") REFERENCES "store_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "store_item_reuses" ADD CONSTRAINT "store_item_reuses_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "dossiers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "store_items" ADD CONSTRAINT "store_items_source_dossier_id_dossiers_id_fk" FOREIGN KEY ("source_dossier_id") REFERENCES "dossiers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "store_items" ADD CONSTRAINT "store_items_digitized_by_users_id_fk" FOREIGN KEY ("digitized_by") REFERENCES "users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "store_items_applicant_idx" ON "store_items" USING btree ("applicant_key");