-- progress_level_changes: per indicator, way of counting and period end, how the sum over series of each series'
-- latest value changes there. A series' level steps at each period end it has updates for (to its last update
-- there, by id); the step is its value there minus its value before (0 before its first update). Kept by the
-- statement-level roll-up trigger (progress-rollups.sql), after the per-indicator advisory lock: the series a
-- statement touched lose their steps as they were before it and gain their steps as they are now. A chart's
-- cumulative and snapshot levels are running sums of these steps.

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
