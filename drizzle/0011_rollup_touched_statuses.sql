-- Issue 9, write path: the roll-ups refresh only what a statement can have changed. Logging one submitted update
-- used to delete and re-insert the indicator's totals for all five statuses and its levels; now only the
-- statuses of the rows touched, the levels only when a counted status (approved, submitted) is among them, and
-- the level changes only for such rows.
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
--> statement-breakpoint
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
