-- The dashboards' summary of progress_updates, kept in the writing transaction by a row trigger, so that every
-- write path (forms, corrections, review, import) keeps it exact: per (indicator, status, period) the sums and
-- count of its updates (progress_totals), and per series (indicator, city, cluster, partner) and way of counting
-- its latest update (progress_latest). The read model (db/read-model) reads them for current knowledge.

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

CREATE OR REPLACE TRIGGER progress_updates_summarise AFTER INSERT OR UPDATE OR DELETE ON progress_updates
  FOR EACH ROW EXECUTE FUNCTION progress_updates_summarise();

-- TRUNCATE empties every summary and roll-up with the table.
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

CREATE OR REPLACE TRIGGER progress_updates_summary_truncate AFTER TRUNCATE ON progress_updates
  FOR EACH STATEMENT EXECUTE FUNCTION progress_updates_summary_truncate();
