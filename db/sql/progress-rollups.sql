-- Per-indicator roll-ups of the summary (progress-summary.sql), kept by delta in the writing transaction, so that
-- the plan's actuals to date read one row per indicator whatever the number of updates. One statement-level
-- trigger per event (transition tables allow one event each): an import of 1,000 rows applies one delta per
-- indicator and status it touches. Writers of the same indicator are serialised by a transaction-scoped advisory
-- lock taken in indicator order, so that what a roll-up looks up when a removal may have lowered its maximum (or
-- left a sum with no figure) is never being changed by another transaction. progress_indicator_totals moves by
-- the rows added and removed; progress_indicator_levels by the level changes (progress-level-changes.sql), only
-- when a counted status (approved, submitted) is among them.

-- Replaced by the deltas below; nothing calls them any more.
DROP FUNCTION IF EXISTS progress_indicator_rollup_refresh(integer);
DROP FUNCTION IF EXISTS progress_indicator_rollup_refresh_touched(integer, update_status[]);
DROP FUNCTION IF EXISTS progress_indicator_totals_refresh(integer, update_status);
DROP FUNCTION IF EXISTS progress_indicator_levels_refresh(integer);

-- One indicator's totals for one status moved by the rows a statement added (a_*) and removed (r_*): counts and
-- sums by delta, the maxima grown by what was added; when a removed row may have held a maximum or been the last
-- figure, that one is looked up again among the indicator's buckets (progress_totals, already up to date).
CREATE OR REPLACE FUNCTION progress_indicator_totals_apply(p_indicator integer, p_status update_status,
  a_updates integer, a_value numeric, a_numerator numeric, a_denominator numeric, a_updated_at timestamptz, a_start date,
  r_updates integer, r_value numeric, r_numerator numeric, r_denominator numeric, r_updated_at timestamptz, r_start date)
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  t progress_indicator_totals;
BEGIN
  UPDATE progress_indicator_totals x SET
    updates = x.updates + a_updates - r_updates,
    value = progress_sum_delta(x.value, a_value, r_value),
    numerator = progress_sum_delta(x.numerator, a_numerator, r_numerator),
    denominator = progress_sum_delta(x.denominator, a_denominator, r_denominator),
    last_updated_at = greatest(x.last_updated_at, a_updated_at),
    max_period_start = greatest(x.max_period_start, a_start)
  WHERE x.indicator_id = p_indicator AND x.status = p_status
  RETURNING x.* INTO t;
  IF NOT FOUND THEN
    IF a_updates > 0 THEN
      INSERT INTO progress_indicator_totals (indicator_id, status, updates, value, numerator, denominator, last_updated_at, max_period_start)
      VALUES (p_indicator, p_status, a_updates, a_value, a_numerator, a_denominator, a_updated_at, a_start);
    END IF;
    RETURN;
  END IF;
  IF t.updates <= 0 THEN
    DELETE FROM progress_indicator_totals WHERE indicator_id = p_indicator AND status = p_status;
    RETURN;
  END IF;
  IF (r_value IS NOT NULL AND a_value IS NULL) OR (r_numerator IS NOT NULL AND a_numerator IS NULL)
    OR (r_denominator IS NOT NULL AND a_denominator IS NULL) OR r_updated_at >= t.last_updated_at OR r_start >= t.max_period_start THEN
    UPDATE progress_indicator_totals x SET
      value = CASE WHEN r_value IS NOT NULL AND a_value IS NULL AND NOT EXISTS (SELECT 1 FROM progress_totals b
        WHERE b.indicator_id = p_indicator AND b.status = p_status AND b.value IS NOT NULL) THEN NULL ELSE x.value END,
      numerator = CASE WHEN r_numerator IS NOT NULL AND a_numerator IS NULL AND NOT EXISTS (SELECT 1 FROM progress_totals b
        WHERE b.indicator_id = p_indicator AND b.status = p_status AND b.numerator IS NOT NULL) THEN NULL ELSE x.numerator END,
      denominator = CASE WHEN r_denominator IS NOT NULL AND a_denominator IS NULL AND NOT EXISTS (SELECT 1 FROM progress_totals b
        WHERE b.indicator_id = p_indicator AND b.status = p_status AND b.denominator IS NOT NULL) THEN NULL ELSE x.denominator END,
      last_updated_at = CASE WHEN r_updated_at >= x.last_updated_at THEN (SELECT max(b.last_updated_at) FROM progress_totals b
        WHERE b.indicator_id = p_indicator AND b.status = p_status) ELSE x.last_updated_at END,
      max_period_start = CASE WHEN r_start >= x.max_period_start THEN (SELECT max(b.period_start) FROM progress_totals b
        WHERE b.indicator_id = p_indicator AND b.status = p_status) ELSE x.max_period_start END
    WHERE x.indicator_id = p_indicator AND x.status = p_status;
  END IF;
END;
$$;

-- Generic plans for every statement it runs (the level changes' CTE above all): with a custom plan, chosen
-- because its estimate is lower, each write planned the statements again, half of the trigger's time.
CREATE OR REPLACE FUNCTION progress_updates_rollup_statement() RETURNS trigger LANGUAGE plpgsql
SET plan_cache_mode = force_generic_plan AS $$
DECLARE
  earliest timestamptz;
  counted boolean;
BEGIN
  -- Runs after the row-level progress_updates_summarise has updated the summary for every row of the statement.
  -- Each touched indicator's advisory lock is taken (in indicator order) before anything is read.
  IF TG_OP = 'INSERT' THEN
    PERFORM pg_advisory_xact_lock(hashtext('progress_indicator_rollup'), i) FROM (SELECT DISTINCT indicator_id AS i FROM new_rows ORDER BY 1) x;
    PERFORM progress_indicator_totals_apply(indicator_id, status, count(*)::int, sum(value), sum(numerator), sum(denominator),
      max(updated_at), max(period_start), 0, NULL, NULL, NULL, NULL, NULL)
    FROM new_rows GROUP BY indicator_id, status ORDER BY indicator_id, status;
    SELECT bool_or(status IN ('approved', 'submitted')), min(created_at) INTO counted, earliest FROM new_rows;
    IF counted THEN
      PERFORM progress_level_changes_apply(ARRAY(SELECT id FROM new_rows), ARRAY[]::progress_updates[]);
    END IF;
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM pg_advisory_xact_lock(hashtext('progress_indicator_rollup'), i)
    FROM (SELECT indicator_id AS i FROM old_rows UNION SELECT indicator_id FROM new_rows ORDER BY 1) x;
    PERFORM progress_indicator_totals_apply(indicator_id, status,
      (count(*) FILTER (WHERE sign = 1))::int, sum(value) FILTER (WHERE sign = 1), sum(numerator) FILTER (WHERE sign = 1),
      sum(denominator) FILTER (WHERE sign = 1), max(updated_at) FILTER (WHERE sign = 1), max(period_start) FILTER (WHERE sign = 1),
      (count(*) FILTER (WHERE sign = -1))::int, sum(value) FILTER (WHERE sign = -1), sum(numerator) FILTER (WHERE sign = -1),
      sum(denominator) FILTER (WHERE sign = -1), max(updated_at) FILTER (WHERE sign = -1), max(period_start) FILTER (WHERE sign = -1))
    FROM (
      SELECT 1 AS sign, indicator_id, status, value, numerator, denominator, updated_at, period_start FROM new_rows
      UNION ALL
      SELECT -1, indicator_id, status, value, numerator, denominator, updated_at, period_start FROM old_rows
    ) x GROUP BY indicator_id, status ORDER BY indicator_id, status;
    SELECT bool_or(status IN ('approved', 'submitted')), min(created_at) INTO counted, earliest
    FROM (SELECT status, created_at FROM old_rows UNION ALL SELECT status, created_at FROM new_rows) x;
    IF counted THEN
      PERFORM progress_level_changes_apply(ARRAY(SELECT id FROM new_rows), ARRAY(SELECT o::progress_updates FROM old_rows o));
    END IF;
  ELSE
    PERFORM pg_advisory_xact_lock(hashtext('progress_indicator_rollup'), i) FROM (SELECT DISTINCT indicator_id AS i FROM old_rows ORDER BY 1) x;
    PERFORM progress_indicator_totals_apply(indicator_id, status, 0, NULL, NULL, NULL, NULL, NULL, count(*)::int, sum(value),
      sum(numerator), sum(denominator), max(updated_at), max(period_start))
    FROM old_rows GROUP BY indicator_id, status ORDER BY indicator_id, status;
    SELECT bool_or(status IN ('approved', 'submitted')), min(created_at) INTO counted, earliest FROM old_rows;
    IF counted THEN
      PERFORM progress_level_changes_apply(ARRAY[]::bigint[], ARRAY(SELECT o::progress_updates FROM old_rows o));
    END IF;
  END IF;
  -- A past day's snapshot (progress_as_of_snapshots) holds while nothing stamped on or before that day is written
  -- or removed; the app stamps with the clock, so this deletes nothing unless rows are back-dated.
  DELETE FROM progress_as_of_snapshots WHERE as_of >= (earliest AT TIME ZONE 'UTC')::date;
  RETURN NULL;
END;
$$;

CREATE OR REPLACE TRIGGER progress_updates_rollup_insert AFTER INSERT ON progress_updates
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION progress_updates_rollup_statement();

CREATE OR REPLACE TRIGGER progress_updates_rollup_update AFTER UPDATE ON progress_updates
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION progress_updates_rollup_statement();

CREATE OR REPLACE TRIGGER progress_updates_rollup_delete AFTER DELETE ON progress_updates
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION progress_updates_rollup_statement();
