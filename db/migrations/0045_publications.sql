CREATE TABLE "directory_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"role" text NOT NULL,
	"full_name" text NOT NULL,
	"title" text NOT NULL,
	"phone" text NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "directory_entries_role_check" CHECK ("directory_entries"."role" in ('head', 'deputy', 'staff'))
);
--> statement-breakpoint
CREATE TABLE "publications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"period" text NOT NULL,
	"period_from" text NOT NULL,
	"period_to" text NOT NULL,
	"unit_id" uuid NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	"content" jsonb NOT NULL,
	"content_sha256" text NOT NULL,
	CONSTRAINT "publications_kind_check" CHECK ("publications"."kind" in ('late-list', 'index-week', 'index-month'))
);
--> statement-breakpoint
ALTER TABLE "directory_entries" ADD CONSTRAINT "directory_entries_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publications" ADD CONSTRAINT "publications_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "directory_entries_unit_idx" ON "directory_entries" USING btree ("unit_id","sort_order");--> statement-breakpoint
CREATE UNIQUE INDEX "publications_kind_period_unit_key" ON "publications" USING btree ("kind","period","unit_id");--> statement-breakpoint
CREATE INDEX "publications_published_idx" ON "publications" USING btree ("kind","published_at");