CREATE TABLE "kpi_configs" (
	"year" integer NOT NULL,
	"version" integer NOT NULL,
	"config" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	CONSTRAINT "kpi_configs_year_version_pk" PRIMARY KEY("year","version")
);
--> statement-breakpoint
ALTER TABLE "kpi_configs" ADD CONSTRAINT "kpi_configs_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE no action ON UPDATE no action;