-- progress_level_changes: per indicator, way of counting and period end, how the sum over series of each series'
-- latest value changes there. A series' level steps at each period end it has updates for (to its last update
-- there, by id); the step is its value there minus its value before (0 before its first update). Kept by the
-- statement-level roll-up trigger (progress-rollups.sql), after the per-indicator advisory lock: the series a
-- statement touched lose their steps as they were before it and gain their steps as they are now. A chart's
-- cumulative and snapshot levels are running sums of these steps.

CREATE OR REPLACE FUNCTION progress_level_changes_apply(p_new_ids bigint[], p_old progress_updates[])
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  deltas jsonb;
  d record;
BEGIN
  WITH old_rows AS (SELECT * FROM unnest(p_old)),
  touched AS (
    SELECT u.indicator_id, coalesce(u.city_id, 0) AS ck, coalesce(u.cluster_id, 0) AS lk, coalesce(u.partner_id, 0) AS pk
    FROM progress_updates u WHERE u.id = ANY (p_new_ids)
    UNION
    SELECT o.indicator_id, coalesce(o.city_id, 0), coalesce(o.cluster_id, 0), coalesce(o.partner_id, 0) FROM old_rows o
  ),
  now_rows AS (
    SELECT u.id, u.indicator_id, t.ck, t.lk, t.pk, u.period_start, u.period_end, u.status, u.value, u.numerator, u.denominator
    FROM touched t JOIN progress_updates u ON u.indicator_id = t.indicator_id AND coalesce(u.city_id, 0) = t.ck
      AND coalesce(u.cluster_id, 0) = t.lk AND coalesce(u.partner_id, 0) = t.pk
  ),
  before_rows AS (
    SELECT * FROM now_rows WHERE NOT (id = ANY (p_new_ids))
    UNION ALL
    SELECT o.id, o.indicator_id, coalesce(o.city_id, 0), coalesce(o.cluster_id, 0), coalesce(o.partner_id, 0),
      o.period_start, o.period_end, o.status, o.value, o.numerator, o.denominator
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
      sign, counted, indicator_id, ck, lk, pk, period_start, period_end, value, numerator, denominator
    FROM counted ORDER BY sign, counted, indicator_id, ck, lk, pk, period_end, id DESC
  ),
  steps AS (
    SELECT counted, indicator_id, period_end, sign,
      -- The series' latest update (its last step) before (sign -1) and after (sign 1) the statement.
      CASE WHEN lead(period_end) OVER w IS NULL THEN period_start END AS latest_start,
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
  ),
  changes AS (
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
      denominator_series = c.denominator_series + excluded.denominator_series
  ),
  -- The level of an indicator (progress_indicator_levels: the sum over its series of their latest figures) moves by
  -- the sum of its steps' changes; with each series' latest period start before and after the statement.
  level_delta AS (
    SELECT indicator_id, counted, sum(series)::int AS series, sum(value) AS value, sum(value_series)::int AS value_series,
      sum(numerator) AS numerator, sum(numerator_series)::int AS numerator_series, sum(denominator) AS denominator,
      sum(denominator_series)::int AS denominator_series,
      max(latest_start) FILTER (WHERE sign = 1) AS now_start, max(latest_start) FILTER (WHERE sign = -1) AS before_start
    FROM steps GROUP BY indicator_id, counted
  )
  SELECT jsonb_agg(ld ORDER BY ld.indicator_id, ld.counted) INTO deltas FROM level_delta ld;

  FOR d IN SELECT * FROM jsonb_to_recordset(coalesce(deltas, '[]')) AS x(indicator_id integer, counted text, series integer, value numeric,
    value_series integer, numerator numeric, numerator_series integer, denominator numeric, denominator_series integer,
    now_start date, before_start date)
  LOOP
    PERFORM progress_indicator_levels_apply(d.indicator_id, d.counted, d.series, d.value, d.value_series, d.numerator,
      d.numerator_series, d.denominator, d.denominator_series, d.now_start, d.before_start);
  END LOOP;
END;
$$;

-- One indicator's level (progress_indicator_levels) moved by a statement's change: sums by delta. A figure's sum
-- is missing when no series has it: when the delta removed some, whether any is left is looked up. The latest
-- period start covered only grows by a delta, unless a series that held it now starts earlier (or is gone): then
-- it is looked up again among the indicator's series.
CREATE OR REPLACE FUNCTION progress_indicator_levels_apply(p_indicator integer, p_counted text, d_series integer,
  d_value numeric, d_value_series integer, d_numerator numeric, d_numerator_series integer, d_denominator numeric,
  d_denominator_series integer, p_now_start date, p_before_start date)
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  l progress_indicator_levels;
BEGIN
  UPDATE progress_indicator_levels t SET
    series = t.series + d_series,
    value = CASE WHEN t.value IS NOT NULL OR d_value_series > 0 THEN coalesce(t.value, 0) + d_value END,
    numerator = CASE WHEN t.numerator IS NOT NULL OR d_numerator_series > 0 THEN coalesce(t.numerator, 0) + d_numerator END,
    denominator = CASE WHEN t.denominator IS NOT NULL OR d_denominator_series > 0 THEN coalesce(t.denominator, 0) + d_denominator END,
    max_period_start = greatest(t.max_period_start, p_now_start)
  WHERE t.indicator_id = p_indicator AND t.counted = p_counted
  RETURNING t.* INTO l;
  IF NOT FOUND THEN
    -- No series counted before (writers of an indicator hold its advisory lock: no other can insert it meanwhile).
    IF d_series > 0 THEN
      INSERT INTO progress_indicator_levels (indicator_id, counted, series, value, numerator, denominator, max_period_start)
      VALUES (p_indicator, p_counted, d_series, CASE WHEN d_value_series > 0 THEN d_value END,
        CASE WHEN d_numerator_series > 0 THEN d_numerator END, CASE WHEN d_denominator_series > 0 THEN d_denominator END,
        p_now_start);
    END IF;
    RETURN;
  END IF;
  IF l.series = 0 THEN
    DELETE FROM progress_indicator_levels WHERE indicator_id = p_indicator AND counted = p_counted;
    RETURN;
  END IF;
  IF (d_value_series < 0 AND l.value IS NOT NULL) OR (d_numerator_series < 0 AND l.numerator IS NOT NULL)
    OR (d_denominator_series < 0 AND l.denominator IS NOT NULL)
    OR (p_before_start >= l.max_period_start AND (p_now_start IS NULL OR p_now_start < l.max_period_start)) THEN
    UPDATE progress_indicator_levels t SET
      value = CASE WHEN d_value_series < 0 AND NOT EXISTS (SELECT 1 FROM progress_latest x
        WHERE x.indicator_id = p_indicator AND x.counted = p_counted AND x.value IS NOT NULL) THEN NULL ELSE t.value END,
      numerator = CASE WHEN d_numerator_series < 0 AND NOT EXISTS (SELECT 1 FROM progress_latest x
        WHERE x.indicator_id = p_indicator AND x.counted = p_counted AND x.numerator IS NOT NULL) THEN NULL ELSE t.numerator END,
      denominator = CASE WHEN d_denominator_series < 0 AND NOT EXISTS (SELECT 1 FROM progress_latest x
        WHERE x.indicator_id = p_indicator AND x.counted = p_counted AND x.denominator IS NOT NULL) THEN NULL ELSE t.denominator END,
      max_period_start = CASE WHEN p_before_start >= t.max_period_start AND (p_now_start IS NULL OR p_now_start < t.max_period_start)
        THEN (SELECT max(x.period_start) FROM progress_latest x WHERE x.indicator_id = p_indicator AND x.counted = p_counted)
        ELSE t.max_period_start END
    WHERE t.indicator_id = p_indicator AND t.counted = p_counted;
  END IF;
END;
$$;

-- Rebuilds progress_level_changes from every update (the benchmark's bulk loader after COPY).
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
