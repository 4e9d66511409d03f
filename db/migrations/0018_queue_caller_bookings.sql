ALTER TABLE "queue_bookings" ALTER COLUMN "user_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "satisfaction_criteria" ADD COLUMN "label_en" text;--> statement-breakpoint
ALTER TABLE "queue_bookings" ADD COLUMN "booked_by" uuid;--> statement-breakpoint
ALTER TABLE "queue_bookings" ADD COLUMN "personal_id" text;--> statement-breakpoint
ALTER TABLE "queue_bookings" ADD CONSTRAINT "queue_bookings_booked_by_users_id_fk" FOREIGN KEY ("booked_by") REFERENCES "users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "queue_bookings_caller_slot_uq" ON "queue_bookings" USING btree ("slot_id","phone") WHERE "queue_bookings"."user_id" is null and "queue_bookings"."status" in ('booked', 'checkedIn');--> statement-breakpoint
ALTER TABLE "queue_bookings" ADD CONSTRAINT "queue_bookings_holder_check" CHECK ("queue_bookings"."user_id" is not null or ("queue_bookings"."booked_by" is not null and "queue_bookings"."phone" is not null));--> statement-breakpoint
-- English labels of the default criteria (a province that renamed one keeps its own, English left empty).
UPDATE "satisfaction_criteria" SET "label_en" = CASE "key"
  WHEN 'overall' THEN 'Overall satisfaction'
  WHEN 'waitingTime' THEN 'Waiting time'
  WHEN 'attitude' THEN 'Attitude of the officers'
  WHEN 'resultOnTime' THEN 'Result returned on time'
END
WHERE ("key", "label") IN (('overall', 'Mức độ hài lòng chung'), ('waitingTime', 'Thời gian chờ đợi'), ('attitude', 'Thái độ của cán bộ'), ('resultOnTime', 'Kết quả trả đúng hẹn'));
