-- Issue 9: one indicator's updates with every column the charts read, so that a chart's series is an index-only
-- scan of a few adjacent pages instead of thousands of heap pages scattered over the table (updates arrive in
-- time order, interleaved across indicators). INCLUDE is not expressible in the Drizzle schema, hence SQL here.
CREATE INDEX IF NOT EXISTS "progress_updates_indicator_cover_idx" ON "progress_updates" USING btree ("indicator_id", "status", "period_end")
  INCLUDE ("id", "period_start", "value", "numerator", "denominator", "city_id", "cluster_id", "partner_id");
