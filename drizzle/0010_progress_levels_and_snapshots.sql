CREATE TABLE "progress_as_of_snapshot_rows" (
	"snapshot_id" integer NOT NULL,
	"indicator_id" integer NOT NULL,
	"value" numeric,
	"numerator" numeric,
	"denominator" numeric,
	"updates" integer NOT NULL,
	CONSTRAINT "progress_as_of_snapshot_rows_snapshot_id_indicator_id_pk" PRIMARY KEY("snapshot_id","indicator_id")
);
--> statement-breakpoint
CREATE TABLE "progress_as_of_snapshots" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "progress_as_of_snapshots_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"plan_id" integer NOT NULL,
	"as_of" date NOT NULL,
	"counted" text NOT NULL,
	"updates_created" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "progress_as_of_snapshots_key" UNIQUE("plan_id","as_of","counted")
);
--> statement-breakpoint
CREATE TABLE "progress_level_changes" (
	"indicator_id" integer NOT NULL,
	"counted" text NOT NULL,
	"period_end" date NOT NULL,
	"series" integer NOT NULL,
	"value" numeric NOT NULL,
	"value_series" integer NOT NULL,
	"numerator" numeric NOT NULL,
	"numerator_series" integer NOT NULL,
	"denominator" numeric NOT NULL,
	"denominator_series" integer NOT NULL,
	CONSTRAINT "progress_level_changes_indicator_id_counted_period_end_pk" PRIMARY KEY("indicator_id","counted","period_end")
);
--> statement-breakpoint
DROP INDEX "progress_updates_series_idx";--> statement-breakpoint
ALTER TABLE "progress_update_versions" ADD COLUMN "indicator_id" integer;--> statement-breakpoint
ALTER TABLE "progress_update_versions" ADD COLUMN "update_created_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "progress_as_of_snapshot_rows" ADD CONSTRAINT "progress_as_of_snapshot_rows_snapshot_id_progress_as_of_snapshots_id_fk" FOREIGN KEY ("snapshot_id") REFERENCES "public"."progress_as_of_snapshots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progress_as_of_snapshot_rows" ADD CONSTRAINT "progress_as_of_snapshot_rows_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progress_as_of_snapshots" ADD CONSTRAINT "progress_as_of_snapshots_plan_id_work_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."work_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progress_level_changes" ADD CONSTRAINT "progress_level_changes_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "progress_as_of_snapshot_rows_indicator_idx" ON "progress_as_of_snapshot_rows" USING btree ("indicator_id");--> statement-breakpoint
CREATE INDEX "progress_as_of_snapshots_as_of_idx" ON "progress_as_of_snapshots" USING btree ("as_of");--> statement-breakpoint
ALTER TABLE "progress_update_versions" ADD CONSTRAINT "progress_update_versions_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "progress_update_versions_created_idx" ON "progress_update_versions" USING btree ("created_at","indicator_id","update_created_at","update_id");--> statement-breakpoint
CREATE INDEX "progress_updates_series_idx" ON "progress_updates" USING btree ("indicator_id",coalesce("city_id", 0),coalesce("cluster_id", 0),coalesce("partner_id", 0),"period_end","id")
  INCLUDE ("status", "period_start", "value", "numerator", "denominator", "city_id", "cluster_id", "partner_id");--> statement-breakpoint
-- Issue 9. progress_level_changes: per indicator, way of counting and period end, how the sum over series of
-- each series' latest value changes there. A series' level steps at each period end it has updates for (to its
-- last update there, by id); the step is its value there minus its value before (0 before its first update).
-- Kept by the statement-level roll-up trigger, after the per-indicator advisory lock (drizzle/0008): the series a
-- statement touched lose their steps as they were before it and gain their steps as they are now.
CREATE OR REPLACE FUNCTION progress_level_changes_apply(p_new_ids bigint[], p_old progress_updates[])
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  WITH old_rows AS (SELECT * FROM unnest(p_old)),
  touched AS (
    SELECT u.indicator_id, coalesce(u.city_id, 0) AS ck, coalesce(u.cluster_id, 0) AS lk, coalesce(u.partner_id, 0) AS pk
    FROM progress_updates u WHERE u.id = ANY (p_new_ids)
    UNION
    SELECT o.indicator_id, coalesce(o.city_id, 0), coalesce(o.cluster_id, 0), coalesce(o.partner_id, 0) FROM old_rows o
  ),
  now_rows AS (
    SELECT u.id, u.indicator_id, t.ck, t.lk, t.pk, u.period_end, u.status, u.value, u.numerator, u.denominator
    FROM touched t JOIN progress_updates u ON u.indicator_id = t.indicator_id AND coalesce(u.city_id, 0) = t.ck
      AND coalesce(u.cluster_id, 0) = t.lk AND coalesce(u.partner_id, 0) = t.pk
  ),
  before_rows AS (
    SELECT * FROM now_rows WHERE NOT (id = ANY (p_new_ids))
    UNION ALL
    SELECT o.id, o.indicator_id, coalesce(o.city_id, 0), coalesce(o.cluster_id, 0), coalesce(o.partner_id, 0),
      o.period_end, o.status, o.value, o.numerator, o.denominator
    FROM old_rows o
  ),
  signed AS (SELECT 1 AS sign, * FROM now_rows UNION ALL SELECT -1, * FROM before_rows),
  counted AS (
    SELECT r.*, k.counted FROM signed r
    JOIN (VALUES ('approved'::text), ('submitted')) AS k(counted)
      ON r.status = 'approved' OR (k.counted = 'submitted' AND r.status = 'submitted')
  ),
  last_at AS (
    SELECT DISTINCT ON (sign, counted, indicator_id, ck, lk, pk, period_end)
      sign, counted, indicator_id, ck, lk, pk, period_end, value, numerator, denominator
    FROM counted ORDER BY sign, counted, indicator_id, ck, lk, pk, period_end, id DESC
  ),
  steps AS (
    SELECT counted, indicator_id, period_end,
      sign * (CASE WHEN lag(period_end) OVER w IS NULL THEN 1 ELSE 0 END) AS series,
      sign * (coalesce(value, 0) - coalesce(lag(value) OVER w, 0)) AS value,
      sign * ((value IS NOT NULL)::int - coalesce((lag(value) OVER w IS NOT NULL)::int, 0)) AS value_series,
      sign * (coalesce(numerator, 0) - coalesce(lag(numerator) OVER w, 0)) AS numerator,
      sign * ((numerator IS NOT NULL)::int - coalesce((lag(numerator) OVER w IS NOT NULL)::int, 0)) AS numerator_series,
      sign * (coalesce(denominator, 0) - coalesce(lag(denominator) OVER w, 0)) AS denominator,
      sign * ((denominator IS NOT NULL)::int - coalesce((lag(denominator) OVER w IS NOT NULL)::int, 0)) AS denominator_series
    FROM last_at
    WINDOW w AS (PARTITION BY sign, counted, indicator_id, ck, lk, pk ORDER BY period_end)
  ),
  summed AS (
    SELECT indicator_id, counted, period_end, sum(series)::int AS series, sum(value) AS value,
      sum(value_series)::int AS value_series, sum(numerator) AS numerator, sum(numerator_series)::int AS numerator_series,
      sum(denominator) AS denominator, sum(denominator_series)::int AS denominator_series
    FROM steps GROUP BY indicator_id, counted, period_end
  )
  INSERT INTO progress_level_changes AS c (indicator_id, counted, period_end, series, value, value_series, numerator,
    numerator_series, denominator, denominator_series)
  SELECT * FROM summed
  WHERE series <> 0 OR value <> 0 OR value_series <> 0 OR numerator <> 0 OR numerator_series <> 0
    OR denominator <> 0 OR denominator_series <> 0
  ORDER BY indicator_id, counted, period_end
  ON CONFLICT (indicator_id, counted, period_end) DO UPDATE SET
    series = c.series + excluded.series, value = c.value + excluded.value,
    value_series = c.value_series + excluded.value_series, numerator = c.numerator + excluded.numerator,
    numerator_series = c.numerator_series + excluded.numerator_series, denominator = c.denominator + excluded.denominator,
    denominator_series = c.denominator_series + excluded.denominator_series;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION progress_updates_rollup_statement() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  earliest timestamptz;
BEGIN
  -- Runs after the row-level progress_updates_summarise has updated the summary for every row of the statement.
  -- The roll-up refresh takes each touched indicator's advisory lock (in indicator order) before anything is read.
  IF TG_OP = 'INSERT' THEN
    PERFORM progress_indicator_rollup_refresh(i) FROM (SELECT DISTINCT indicator_id AS i FROM new_rows ORDER BY 1) x;
    PERFORM progress_level_changes_apply(ARRAY(SELECT id FROM new_rows), ARRAY[]::progress_updates[]);
    SELECT min(created_at) INTO earliest FROM new_rows;
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM progress_indicator_rollup_refresh(i) FROM (
      SELECT indicator_id AS i FROM old_rows UNION SELECT indicator_id FROM new_rows ORDER BY 1
    ) x;
    PERFORM progress_level_changes_apply(ARRAY(SELECT id FROM new_rows), ARRAY(SELECT o::progress_updates FROM old_rows o));
    SELECT min(created_at) INTO earliest FROM (SELECT created_at FROM old_rows UNION ALL SELECT created_at FROM new_rows) x;
  ELSE
    PERFORM progress_indicator_rollup_refresh(i) FROM (SELECT DISTINCT indicator_id AS i FROM old_rows ORDER BY 1) x;
    PERFORM progress_level_changes_apply(ARRAY[]::bigint[], ARRAY(SELECT o::progress_updates FROM old_rows o));
    SELECT min(created_at) INTO earliest FROM old_rows;
  END IF;
  -- A past day's snapshot (progress_as_of_snapshots) holds while nothing stamped on or before that day is written
  -- or removed; the app stamps with the clock, so this deletes nothing unless rows are back-dated.
  DELETE FROM progress_as_of_snapshots WHERE as_of >= (earliest AT TIME ZONE 'UTC')::date;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION progress_update_versions_snapshot_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- A version records a state that ended when it was written: it changes what stood on its day and after.
  DELETE FROM progress_as_of_snapshots
  WHERE as_of >= (SELECT min(created_at AT TIME ZONE 'UTC')::date FROM new_rows);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER progress_update_versions_snapshot_guard AFTER INSERT ON progress_update_versions
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION progress_update_versions_snapshot_guard();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION indicators_snapshot_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- How an indicator counts (or whether it counts at all) changes its plan's past actuals as computed.
  IF TG_OP = 'DELETE' OR NEW.accumulation IS DISTINCT FROM OLD.accumulation OR NEW.retired_at IS DISTINCT FROM OLD.retired_at
    OR NEW.plan_id IS DISTINCT FROM OLD.plan_id THEN
    DELETE FROM progress_as_of_snapshots WHERE plan_id = OLD.plan_id;
    IF TG_OP = 'UPDATE' AND NEW.plan_id IS DISTINCT FROM OLD.plan_id THEN
      DELETE FROM progress_as_of_snapshots WHERE plan_id = NEW.plan_id;
    END IF;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER indicators_snapshot_guard AFTER UPDATE OR DELETE ON indicators
  FOR EACH ROW EXECUTE FUNCTION indicators_snapshot_guard();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION progress_updates_summary_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM progress_as_of_snapshots;
  DELETE FROM progress_level_changes;
  DELETE FROM progress_indicator_levels;
  DELETE FROM progress_indicator_totals;
  DELETE FROM progress_latest;
  DELETE FROM progress_totals;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- Rebuilds progress_level_changes from every update (this migration; the benchmark's bulk loader after COPY).
CREATE OR REPLACE FUNCTION progress_level_changes_rebuild() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM progress_level_changes;
  INSERT INTO progress_level_changes (indicator_id, counted, period_end, series, value, value_series, numerator,
    numerator_series, denominator, denominator_series)
  WITH last_at AS (
    SELECT DISTINCT ON (k.counted, u.indicator_id, coalesce(u.city_id, 0), coalesce(u.cluster_id, 0), coalesce(u.partner_id, 0), u.period_end)
      k.counted, u.indicator_id, coalesce(u.city_id, 0) AS ck, coalesce(u.cluster_id, 0) AS lk, coalesce(u.partner_id, 0) AS pk,
      u.period_end, u.value, u.numerator, u.denominator
    FROM progress_updates u
    JOIN (VALUES ('approved'::text), ('submitted')) AS k(counted)
      ON u.status = 'approved' OR (k.counted = 'submitted' AND u.status = 'submitted')
    ORDER BY k.counted, u.indicator_id, coalesce(u.city_id, 0), coalesce(u.cluster_id, 0), coalesce(u.partner_id, 0), u.period_end, u.id DESC
  ),
  steps AS (
    SELECT counted, indicator_id, period_end,
      CASE WHEN lag(period_end) OVER w IS NULL THEN 1 ELSE 0 END AS series,
      coalesce(value, 0) - coalesce(lag(value) OVER w, 0) AS value,
      (value IS NOT NULL)::int - coalesce((lag(value) OVER w IS NOT NULL)::int, 0) AS value_series,
      coalesce(numerator, 0) - coalesce(lag(numerator) OVER w, 0) AS numerator,
      (numerator IS NOT NULL)::int - coalesce((lag(numerator) OVER w IS NOT NULL)::int, 0) AS numerator_series,
      coalesce(denominator, 0) - coalesce(lag(denominator) OVER w, 0) AS denominator,
      (denominator IS NOT NULL)::int - coalesce((lag(denominator) OVER w IS NOT NULL)::int, 0) AS denominator_series
    FROM last_at
    WINDOW w AS (PARTITION BY counted, indicator_id, ck, lk, pk ORDER BY period_end)
  )
  SELECT indicator_id, counted, period_end, sum(series), sum(value), sum(value_series), sum(numerator),
    sum(numerator_series), sum(denominator), sum(denominator_series)
  FROM steps GROUP BY indicator_id, counted, period_end;
END;
$$;
--> statement-breakpoint
SELECT progress_level_changes_rebuild();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION progress_update_versions_fill() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT u.indicator_id, u.created_at INTO NEW.indicator_id, NEW.update_created_at FROM progress_updates u WHERE u.id = NEW.update_id;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER progress_update_versions_fill BEFORE INSERT ON progress_update_versions
  FOR EACH ROW EXECUTE FUNCTION progress_update_versions_fill();
--> statement-breakpoint
UPDATE progress_update_versions v SET indicator_id = u.indicator_id, update_created_at = u.created_at
FROM progress_updates u WHERE u.id = v.update_id;
