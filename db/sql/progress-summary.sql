-- The dashboards' summary of progress_updates, kept in the writing transaction by a row trigger, so that every
-- write path (forms, corrections, review, import) keeps it exact: per (indicator, status, period) the sums and
-- count of its updates (progress_totals), and per series (indicator, city, cluster, partner) and way of counting
-- its latest update (progress_latest), both by delta. The read model (db/read-model) reads them for current knowledge.

-- Replaced by progress_totals_add / progress_totals_remove (deltas); nothing calls it any more.
DROP FUNCTION IF EXISTS progress_totals_refresh(integer, update_status, date, date);

-- A sum after adding and removing figures: missing while no figure was ever there (sum() of nothing but nulls).
-- Whether a removal left any figure is the caller's to check.
CREATE OR REPLACE FUNCTION progress_sum_delta(cur numeric, added numeric, removed numeric) RETURNS numeric
LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN cur IS NULL AND added IS NULL THEN NULL ELSE coalesce(cur, 0) + coalesce(added, 0) - coalesce(removed, 0) END
$$;

-- An update counted into its (indicator, status, period) bucket: one upsert (concurrent writers meet on the row).
CREATE OR REPLACE FUNCTION progress_totals_add(u progress_updates) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO progress_totals AS t (indicator_id, status, period_start, period_end, updates, value, numerator, denominator, last_updated_at)
  VALUES (u.indicator_id, u.status, u.period_start, u.period_end, 1, u.value, u.numerator, u.denominator, u.updated_at)
  ON CONFLICT (indicator_id, status, period_start, period_end) DO UPDATE SET
    updates = t.updates + 1,
    value = progress_sum_delta(t.value, excluded.value, NULL),
    numerator = progress_sum_delta(t.numerator, excluded.numerator, NULL),
    denominator = progress_sum_delta(t.denominator, excluded.denominator, NULL),
    last_updated_at = greatest(t.last_updated_at, excluded.last_updated_at);
END;
$$;

-- An update taken out of its bucket, by delta. The bucket's row is locked first; only then, and only when the
-- removed update may have held it, is the bucket's latest change (or whether any figure is left) looked up among
-- its updates (index progress_updates_indicator_cover_idx), so that a concurrent writer's committed rows are seen.
CREATE OR REPLACE FUNCTION progress_totals_remove(u progress_updates) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  b progress_totals;
BEGIN
  UPDATE progress_totals t SET
    updates = t.updates - 1, value = t.value - coalesce(u.value, 0), numerator = t.numerator - coalesce(u.numerator, 0),
    denominator = t.denominator - coalesce(u.denominator, 0)
  WHERE t.indicator_id = u.indicator_id AND t.status = u.status AND t.period_start = u.period_start AND t.period_end = u.period_end
  RETURNING t.* INTO b;
  IF NOT FOUND THEN
    RETURN;
  END IF;
  IF b.updates <= 0 THEN
    DELETE FROM progress_totals t
    WHERE t.indicator_id = u.indicator_id AND t.status = u.status AND t.period_start = u.period_start AND t.period_end = u.period_end;
  ELSIF u.value IS NOT NULL OR u.numerator IS NOT NULL OR u.denominator IS NOT NULL OR u.updated_at >= b.last_updated_at THEN
    UPDATE progress_totals t SET
      value = CASE WHEN u.value IS NOT NULL AND NOT EXISTS (SELECT 1 FROM progress_updates x WHERE x.indicator_id = u.indicator_id
        AND x.status = u.status AND x.period_end = u.period_end AND x.period_start = u.period_start AND x.value IS NOT NULL)
        THEN NULL ELSE t.value END,
      numerator = CASE WHEN u.numerator IS NOT NULL AND NOT EXISTS (SELECT 1 FROM progress_updates x WHERE x.indicator_id = u.indicator_id
        AND x.status = u.status AND x.period_end = u.period_end AND x.period_start = u.period_start AND x.numerator IS NOT NULL)
        THEN NULL ELSE t.numerator END,
      denominator = CASE WHEN u.denominator IS NOT NULL AND NOT EXISTS (SELECT 1 FROM progress_updates x WHERE x.indicator_id = u.indicator_id
        AND x.status = u.status AND x.period_end = u.period_end AND x.period_start = u.period_start AND x.denominator IS NOT NULL)
        THEN NULL ELSE t.denominator END,
      last_updated_at = CASE WHEN u.updated_at >= t.last_updated_at THEN (SELECT max(x.updated_at) FROM progress_updates x
        WHERE x.indicator_id = u.indicator_id AND x.status = u.status AND x.period_end = u.period_end AND x.period_start = u.period_start)
        ELSE t.last_updated_at END
    WHERE t.indicator_id = u.indicator_id AND t.status = u.status AND t.period_start = u.period_start AND t.period_end = u.period_end;
  END IF;
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

-- Generic plans for every statement it runs (the level changes' CTE above all): with a custom plan, chosen
-- because its estimate is lower, each write planned the statements again, half of the trigger's time.
CREATE OR REPLACE FUNCTION progress_updates_summarise() RETURNS trigger LANGUAGE plpgsql
SET plan_cache_mode = force_generic_plan AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    -- A new update only adds: one upsert per table (concurrent writers meet on the row, never lose a count).
    PERFORM progress_totals_add(NEW);
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
  -- A change or (never in the app) a removal: the old state leaves its bucket and the new one joins its own, by
  -- delta; the series' latest update is looked up again for the series of the old and the new state.
  PERFORM progress_totals_remove(OLD);
  IF TG_OP = 'UPDATE' THEN
    PERFORM progress_totals_add(NEW);
  END IF;
  PERFORM progress_latest_refresh(OLD.indicator_id, coalesce(OLD.city_id, 0), coalesce(OLD.cluster_id, 0), coalesce(OLD.partner_id, 0));
  IF TG_OP = 'UPDATE' THEN
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
