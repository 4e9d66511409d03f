CREATE TABLE "kpi_late_list_notices" (
	"month" text PRIMARY KEY NOT NULL,
	"units" integer NOT NULL,
	"dossiers" integer NOT NULL,
	"messages" integer NOT NULL,
	"sent_at" timestamp with time zone NOT NULL
);
