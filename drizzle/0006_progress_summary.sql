CREATE TABLE "progress_latest" (
	"indicator_id" integer NOT NULL,
	"counted" text NOT NULL,
	"city_key" integer NOT NULL,
	"cluster_key" integer NOT NULL,
	"partner_key" integer NOT NULL,
	"update_id" bigint NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"value" numeric,
	"numerator" numeric,
	"denominator" numeric,
	CONSTRAINT "progress_latest_indicator_id_counted_city_key_cluster_key_partner_key_pk" PRIMARY KEY("indicator_id","counted","city_key","cluster_key","partner_key")
);
--> statement-breakpoint
CREATE TABLE "progress_totals" (
	"indicator_id" integer NOT NULL,
	"status" "update_status" NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"updates" integer NOT NULL,
	"value" numeric,
	"numerator" numeric,
	"denominator" numeric,
	"last_updated_at" timestamp with time zone,
	CONSTRAINT "progress_totals_indicator_id_status_period_start_period_end_pk" PRIMARY KEY("indicator_id","status","period_start","period_end")
);
--> statement-breakpoint
ALTER TABLE "progress_latest" ADD CONSTRAINT "progress_latest_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progress_totals" ADD CONSTRAINT "progress_totals_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "progress_latest_update_idx" ON "progress_latest" USING btree ("update_id");--> statement-breakpoint
-- Issue 9: the dashboards' summary of progress_updates, kept in the writing transaction by a row trigger, so that
-- every write path (forms, corrections, review, import) keeps it exact. See bench/README.md for the measurements.
-- One (indicator, status, period) bucket recomputed from its updates (index progress_updates_indicator_period_idx).
CREATE OR REPLACE FUNCTION progress_totals_refresh(p_indicator integer, p_status update_status, p_start date, p_end date)
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM progress_totals
  WHERE indicator_id = p_indicator AND status = p_status AND period_start = p_start AND period_end = p_end;
  INSERT INTO progress_totals (indicator_id, status, period_start, period_end, updates, value, numerator, denominator, last_updated_at)
  SELECT p_indicator, p_status, p_start, p_end, count(*), sum(u.value), sum(u.numerator), sum(u.denominator), max(u.updated_at)
  FROM progress_updates u
  WHERE u.indicator_id = p_indicator AND u.status = p_status AND u.period_end = p_end AND u.period_start = p_start
  HAVING count(*) > 0;
END;
$$;
--> statement-breakpoint
-- One series' latest update for both ways of counting, recomputed (index progress_updates_series_idx).
CREATE OR REPLACE FUNCTION progress_latest_refresh(p_indicator integer, p_city integer, p_cluster integer, p_partner integer)
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM progress_latest
  WHERE indicator_id = p_indicator AND city_key = p_city AND cluster_key = p_cluster AND partner_key = p_partner;
  INSERT INTO progress_latest (indicator_id, counted, city_key, cluster_key, partner_key, update_id, period_start, period_end, value, numerator, denominator)
  SELECT p_indicator, s.counted, p_city, p_cluster, p_partner, l.id, l.period_start, l.period_end, l.value, l.numerator, l.denominator
  FROM (VALUES ('approved', ARRAY['approved']::update_status[]), ('submitted', ARRAY['approved', 'submitted']::update_status[])) AS s(counted, statuses)
  CROSS JOIN LATERAL (
    SELECT u.id, u.period_start, u.period_end, u.value, u.numerator, u.denominator
    FROM progress_updates u
    WHERE u.indicator_id = p_indicator AND coalesce(u.city_id, 0) = p_city AND coalesce(u.cluster_id, 0) = p_cluster
      AND coalesce(u.partner_id, 0) = p_partner AND u.status = ANY (s.statuses)
    ORDER BY u.period_end DESC, u.id DESC
    LIMIT 1
  ) l;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION progress_updates_summarise() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    -- A new update only adds: one upsert per table (concurrent writers meet on the row, never lose a count).
    INSERT INTO progress_totals AS t (indicator_id, status, period_start, period_end, updates, value, numerator, denominator, last_updated_at)
    VALUES (NEW.indicator_id, NEW.status, NEW.period_start, NEW.period_end, 1, NEW.value, NEW.numerator, NEW.denominator, NEW.updated_at)
    ON CONFLICT (indicator_id, status, period_start, period_end) DO UPDATE SET
      updates = t.updates + 1,
      value = coalesce(t.value + excluded.value, t.value, excluded.value),
      numerator = coalesce(t.numerator + excluded.numerator, t.numerator, excluded.numerator),
      denominator = coalesce(t.denominator + excluded.denominator, t.denominator, excluded.denominator),
      last_updated_at = greatest(t.last_updated_at, excluded.last_updated_at);
    IF NEW.status IN ('approved', 'submitted') THEN
      INSERT INTO progress_latest AS l (indicator_id, counted, city_key, cluster_key, partner_key, update_id, period_start, period_end, value, numerator, denominator)
      SELECT NEW.indicator_id, s.counted, coalesce(NEW.city_id, 0), coalesce(NEW.cluster_id, 0), coalesce(NEW.partner_id, 0),
        NEW.id, NEW.period_start, NEW.period_end, NEW.value, NEW.numerator, NEW.denominator
      FROM (VALUES ('approved'), ('submitted')) AS s(counted)
      WHERE s.counted = 'submitted' OR NEW.status = 'approved'
      ON CONFLICT (indicator_id, counted, city_key, cluster_key, partner_key) DO UPDATE SET
        update_id = excluded.update_id, period_start = excluded.period_start, period_end = excluded.period_end,
        value = excluded.value, numerator = excluded.numerator, denominator = excluded.denominator
      WHERE (excluded.period_end, excluded.update_id) > (l.period_end, l.update_id);
    END IF;
    RETURN NULL;
  END IF;
  -- A change or (never in the app) a removal: recompute what the old and the new state touch.
  PERFORM progress_totals_refresh(OLD.indicator_id, OLD.status, OLD.period_start, OLD.period_end);
  PERFORM progress_latest_refresh(OLD.indicator_id, coalesce(OLD.city_id, 0), coalesce(OLD.cluster_id, 0), coalesce(OLD.partner_id, 0));
  IF TG_OP = 'UPDATE' THEN
    IF (NEW.indicator_id, NEW.status, NEW.period_start, NEW.period_end) IS DISTINCT FROM (OLD.indicator_id, OLD.status, OLD.period_start, OLD.period_end) THEN
      PERFORM progress_totals_refresh(NEW.indicator_id, NEW.status, NEW.period_start, NEW.period_end);
    END IF;
    IF (NEW.indicator_id, NEW.city_id, NEW.cluster_id, NEW.partner_id) IS DISTINCT FROM (OLD.indicator_id, OLD.city_id, OLD.cluster_id, OLD.partner_id) THEN
      PERFORM progress_latest_refresh(NEW.indicator_id, coalesce(NEW.city_id, 0), coalesce(NEW.cluster_id, 0), coalesce(NEW.partner_id, 0));
    END IF;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER progress_updates_summarise AFTER INSERT OR UPDATE OR DELETE ON progress_updates
  FOR EACH ROW EXECUTE FUNCTION progress_updates_summarise();
--> statement-breakpoint
-- TRUNCATE empties the summary with the table.
CREATE OR REPLACE FUNCTION progress_updates_summary_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM progress_latest;
  DELETE FROM progress_totals;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER progress_updates_summary_truncate AFTER TRUNCATE ON progress_updates
  FOR EACH STATEMENT EXECUTE FUNCTION progress_updates_summary_truncate();
--> statement-breakpoint
-- Existing updates: the summary of everything already there.
INSERT INTO progress_totals (indicator_id, status, period_start, period_end, updates, value, numerator, denominator, last_updated_at)
SELECT indicator_id, status, period_start, period_end, count(*), sum(value), sum(numerator), sum(denominator), max(updated_at)
FROM progress_updates GROUP BY indicator_id, status, period_start, period_end;
--> statement-breakpoint
INSERT INTO progress_latest (indicator_id, counted, city_key, cluster_key, partner_key, update_id, period_start, period_end, value, numerator, denominator)
SELECT DISTINCT ON (u.indicator_id, s.counted, coalesce(u.city_id, 0), coalesce(u.cluster_id, 0), coalesce(u.partner_id, 0))
  u.indicator_id, s.counted, coalesce(u.city_id, 0), coalesce(u.cluster_id, 0), coalesce(u.partner_id, 0),
  u.id, u.period_start, u.period_end, u.value, u.numerator, u.denominator
FROM progress_updates u
JOIN (VALUES ('approved', ARRAY['approved']::update_status[]), ('submitted', ARRAY['approved', 'submitted']::update_status[])) AS s(counted, statuses)
  ON u.status = ANY (s.statuses)
ORDER BY u.indicator_id, s.counted, coalesce(u.city_id, 0), coalesce(u.cluster_id, 0), coalesce(u.partner_id, 0), u.period_end DESC, u.id DESC;
