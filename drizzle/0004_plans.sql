ALTER TABLE "work_plans" ADD COLUMN "endorsed_at_meeting_id" integer;--> statement-breakpoint
ALTER TABLE "work_plans" ADD COLUMN "copied_from_plan_id" integer;--> statement-breakpoint
ALTER TABLE "work_plans" ADD CONSTRAINT "work_plans_endorsed_at_meeting_id_meetings_id_fk" FOREIGN KEY ("endorsed_at_meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_plans" ADD CONSTRAINT "work_plans_copied_from_plan_id_work_plans_id_fk" FOREIGN KEY ("copied_from_plan_id") REFERENCES "public"."work_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "work_plans_endorsed_meeting_idx" ON "work_plans" USING btree ("endorsed_at_meeting_id");--> statement-breakpoint
CREATE INDEX "work_plans_copied_from_idx" ON "work_plans" USING btree ("copied_from_plan_id");