CREATE TABLE "queue_bookings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"slot_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"procedure_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"name" text NOT NULL,
	"phone" text,
	"email" text,
	"status" text DEFAULT 'booked' NOT NULL,
	"reminded_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"checked_in_at" timestamp with time zone,
	"no_show_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "queue_bookings_status_check" CHECK ("queue_bookings"."status" in ('booked', 'cancelled', 'checkedIn', 'noShow'))
);
--> statement-breakpoint
CREATE TABLE "queue_slots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"field_code" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"capacity" integer NOT NULL,
	"booked" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "queue_slots_booked_check" CHECK ("queue_slots"."booked" >= 0 and "queue_slots"."booked" <= "queue_slots"."capacity"),
	CONSTRAINT "queue_slots_time_check" CHECK ("queue_slots"."ends_at" > "queue_slots"."starts_at")
);
--> statement-breakpoint
CREATE TABLE "queue_templates" (
	"unit_id" uuid PRIMARY KEY NOT NULL,
	"entries" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "queue_ticket_sequences" (
	"unit_id" uuid NOT NULL,
	"day" date NOT NULL,
	"last_value" integer NOT NULL,
	CONSTRAINT "queue_ticket_sequences_unit_id_day_pk" PRIMARY KEY("unit_id","day")
);
--> statement-breakpoint
CREATE TABLE "queue_tickets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"day" date NOT NULL,
	"number" integer NOT NULL,
	"field_code" text NOT NULL,
	"booking_id" uuid,
	"elderly" boolean DEFAULT false NOT NULL,
	"disabled" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT 'waiting' NOT NULL,
	"checked_in_at" timestamp with time zone NOT NULL,
	"called_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"counter_number" integer,
	"officer_id" uuid,
	"recalls" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "queue_tickets_status_check" CHECK ("queue_tickets"."status" in ('waiting', 'called', 'skipped', 'done'))
);
--> statement-breakpoint
ALTER TABLE "queue_bookings" ADD CONSTRAINT "queue_bookings_slot_id_queue_slots_id_fk" FOREIGN KEY ("slot_id") REFERENCES "queue_slots"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "queue_bookings" ADD CONSTRAINT "queue_bookings_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "queue_bookings" ADD CONSTRAINT "queue_bookings_procedure_id_procedures_id_fk" FOREIGN KEY ("procedure_id") REFERENCES "procedures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "queue_bookings" ADD CONSTRAINT "queue_bookings_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "queue_slots" ADD CONSTRAINT "queue_slots_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "queue_slots" ADD CONSTRAINT "queue_slots_field_code_procedure_fields_code_fk" FOREIGN KEY ("field_code") REFERENCES "procedure_fields"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "queue_templates" ADD CONSTRAINT "queue_templates_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "queue_templates" ADD CONSTRAINT "queue_templates_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "queue_ticket_sequences" ADD CONSTRAINT "queue_ticket_sequences_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "queue_tickets" ADD CONSTRAINT "queue_tickets_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "queue_tickets" ADD CONSTRAINT "queue_tickets_field_code_procedure_fields_code_fk" FOREIGN KEY ("field_code") REFERENCES "procedure_fields"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "queue_tickets" ADD CONSTRAINT "queue_tickets_booking_id_queue_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "queue_bookings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "queue_tickets" ADD CONSTRAINT "queue_tickets_officer_id_users_id_fk" FOREIGN KEY ("officer_id") REFERENCES "users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "queue_bookings_code_uq" ON "queue_bookings" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "queue_bookings_person_slot_uq" ON "queue_bookings" USING btree ("slot_id","user_id") WHERE "queue_bookings"."status" in ('booked', 'checkedIn');--> statement-breakpoint
CREATE INDEX "queue_bookings_user_idx" ON "queue_bookings" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "queue_bookings_slot_idx" ON "queue_bookings" USING btree ("slot_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "queue_slots_unit_field_start_uq" ON "queue_slots" USING btree ("unit_id","field_code","starts_at");--> statement-breakpoint
CREATE INDEX "queue_slots_field_start_idx" ON "queue_slots" USING btree ("field_code","starts_at");--> statement-breakpoint
CREATE UNIQUE INDEX "queue_tickets_unit_day_number_uq" ON "queue_tickets" USING btree ("unit_id","day","number");--> statement-breakpoint
CREATE UNIQUE INDEX "queue_tickets_booking_uq" ON "queue_tickets" USING btree ("booking_id");--> statement-breakpoint
CREATE INDEX "queue_tickets_unit_status_idx" ON "queue_tickets" USING btree ("unit_id","status","day");--> statement-breakpoint
CREATE INDEX "queue_tickets_checked_in_idx" ON "queue_tickets" USING btree ("unit_id","checked_in_at");