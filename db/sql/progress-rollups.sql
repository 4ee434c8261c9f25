-- Per-indicator roll-ups of the summary (progress-summary.sql), recomputed from its few rows of one indicator in
-- the writing transaction, so that the plan's actuals to date read one row per indicator whatever the number of
-- updates. One statement-level trigger per event (transition tables allow one event each): an import of 1,000
-- rows refreshes each indicator it touches once. Writers of the same indicator are serialised by a
-- transaction-scoped advisory lock taken in indicator order, so a refresh never reads a total another transaction
-- is still changing. Only what a statement can have changed is refreshed: the statuses of the rows touched, the
-- levels only when a counted status (approved, submitted) is among them.

-- Replaced by progress_indicator_rollup_refresh_touched; nothing calls it any more.
DROP FUNCTION IF EXISTS progress_indicator_rollup_refresh(integer);

CREATE OR REPLACE FUNCTION progress_indicator_totals_refresh(p_indicator integer, p_status update_status)
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM progress_indicator_totals WHERE indicator_id = p_indicator AND status = p_status;
  INSERT INTO progress_indicator_totals (indicator_id, status, updates, value, numerator, denominator, last_updated_at, max_period_start)
  SELECT p_indicator, p_status, sum(t.updates), sum(t.value), sum(t.numerator), sum(t.denominator), max(t.last_updated_at), max(t.period_start)
  FROM progress_totals t WHERE t.indicator_id = p_indicator AND t.status = p_status
  HAVING count(*) > 0;
END;
$$;

CREATE OR REPLACE FUNCTION progress_indicator_levels_refresh(p_indicator integer)
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM progress_indicator_levels WHERE indicator_id = p_indicator;
  INSERT INTO progress_indicator_levels (indicator_id, counted, series, value, numerator, denominator, max_period_start)
  SELECT p_indicator, l.counted, count(*), sum(l.value), sum(l.numerator), sum(l.denominator), max(l.period_start)
  FROM progress_latest l WHERE l.indicator_id = p_indicator
  GROUP BY l.counted;
END;
$$;

CREATE OR REPLACE FUNCTION progress_indicator_rollup_refresh_touched(p_indicator integer, p_statuses update_status[])
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  s update_status;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('progress_indicator_rollup'), p_indicator);
  FOREACH s IN ARRAY p_statuses LOOP
    PERFORM progress_indicator_totals_refresh(p_indicator, s);
  END LOOP;
  IF p_statuses && ARRAY['approved', 'submitted']::update_status[] THEN
    PERFORM progress_indicator_levels_refresh(p_indicator);
  END IF;
END;
$$;

CREATE OR REPLACE FUNCTION progress_updates_rollup_statement() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  earliest timestamptz;
  counted boolean;
BEGIN
  -- Runs after the row-level progress_updates_summarise has updated the summary for every row of the statement.
  -- Each touched indicator's advisory lock is taken (in indicator order) before anything is read.
  IF TG_OP = 'INSERT' THEN
    PERFORM progress_indicator_rollup_refresh_touched(i, s) FROM (
      SELECT indicator_id AS i, array_agg(DISTINCT status) AS s FROM new_rows GROUP BY indicator_id ORDER BY 1
    ) x;
    SELECT bool_or(status IN ('approved', 'submitted')), min(created_at) INTO counted, earliest FROM new_rows;
    IF counted THEN
      PERFORM progress_level_changes_apply(ARRAY(SELECT id FROM new_rows), ARRAY[]::progress_updates[]);
    END IF;
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM progress_indicator_rollup_refresh_touched(i, array_agg(DISTINCT s)) FROM (
      SELECT indicator_id AS i, status AS s FROM old_rows UNION SELECT indicator_id, status FROM new_rows
    ) x GROUP BY i ORDER BY i;
    SELECT bool_or(status IN ('approved', 'submitted')), min(created_at) INTO counted, earliest
    FROM (SELECT status, created_at FROM old_rows UNION ALL SELECT status, created_at FROM new_rows) x;
    IF counted THEN
      PERFORM progress_level_changes_apply(ARRAY(SELECT id FROM new_rows), ARRAY(SELECT o::progress_updates FROM old_rows o));
    END IF;
  ELSE
    PERFORM progress_indicator_rollup_refresh_touched(i, s) FROM (
      SELECT indicator_id AS i, array_agg(DISTINCT status) AS s FROM old_rows GROUP BY indicator_id ORDER BY 1
    ) x;
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
