ALTER TABLE "partners" ADD COLUMN "via_national_partner" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX "activities_format_held_on_idx" ON "activities" USING btree ("format","held_on");--> statement-breakpoint
CREATE INDEX "activities_title_idx" ON "activities" USING btree (lower("title"));--> statement-breakpoint
CREATE INDEX "cities_name_idx" ON "cities" USING btree (lower("name"));--> statement-breakpoint
CREATE INDEX "cities_region_idx" ON "cities" USING btree ("region");--> statement-breakpoint
CREATE INDEX "clusters_sector_idx" ON "clusters" USING btree ("sector");--> statement-breakpoint
CREATE INDEX "partner_status_history_status_idx" ON "partner_status_history" USING btree ("status","changed_on");--> statement-breakpoint
CREATE INDEX "partners_type_idx" ON "partners" USING btree ("type");--> statement-breakpoint
CREATE INDEX "support_requests_received_on_idx" ON "support_requests" USING btree ("received_on");--> statement-breakpoint
CREATE INDEX "support_requests_category_idx" ON "support_requests" USING btree ("category","received_on");--> statement-breakpoint
CREATE INDEX "support_requests_responded_on_idx" ON "support_requests" USING btree ("responded_on");