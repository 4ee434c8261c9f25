CREATE TABLE "progress_indicator_levels" (
	"indicator_id" integer NOT NULL,
	"counted" text NOT NULL,
	"series" integer NOT NULL,
	"value" numeric,
	"numerator" numeric,
	"denominator" numeric,
	"max_period_start" date NOT NULL,
	CONSTRAINT "progress_indicator_levels_indicator_id_counted_pk" PRIMARY KEY("indicator_id","counted")
);
--> statement-breakpoint
CREATE TABLE "progress_indicator_totals" (
	"indicator_id" integer NOT NULL,
	"status" "update_status" NOT NULL,
	"updates" integer NOT NULL,
	"value" numeric,
	"numerator" numeric,
	"denominator" numeric,
	"last_updated_at" timestamp with time zone,
	"max_period_start" date NOT NULL,
	CONSTRAINT "progress_indicator_totals_indicator_id_status_pk" PRIMARY KEY("indicator_id","status")
);
--> statement-breakpoint
ALTER TABLE "progress_indicator_levels" ADD CONSTRAINT "progress_indicator_levels_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progress_indicator_totals" ADD CONSTRAINT "progress_indicator_totals_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- Issue 9: per-indicator roll-ups of the summary (0006), recomputed from its few rows of one indicator in the
-- writing transaction, so that the overview reads one row per indicator whatever the number of updates.
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
--> statement-breakpoint
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
--> statement-breakpoint
-- One statement-level trigger per event (transition tables allow one event each): an import of 1,000 rows
-- refreshes each indicator it touches once, not once per row. Writers of the same indicator are serialised by a
-- transaction-scoped advisory lock taken in indicator order, so a refresh never reads a total another
-- transaction is still changing (delete-and-insert would otherwise collide or lose that transaction's share).
CREATE OR REPLACE FUNCTION progress_indicator_rollup_refresh(p_indicator integer)
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  s update_status;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('progress_indicator_rollup'), p_indicator);
  FOR s IN SELECT unnest(enum_range(NULL::update_status)) LOOP
    PERFORM progress_indicator_totals_refresh(p_indicator, s);
  END LOOP;
  PERFORM progress_indicator_levels_refresh(p_indicator);
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION progress_updates_rollup_statement() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Runs after the row-level progress_updates_summarise has updated the summary for every row of the statement.
  IF TG_OP = 'INSERT' THEN
    PERFORM progress_indicator_rollup_refresh(i) FROM (SELECT DISTINCT indicator_id AS i FROM new_rows ORDER BY 1) x;
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM progress_indicator_rollup_refresh(i) FROM (
      SELECT indicator_id AS i FROM old_rows UNION SELECT indicator_id FROM new_rows ORDER BY 1
    ) x;
  ELSE
    PERFORM progress_indicator_rollup_refresh(i) FROM (SELECT DISTINCT indicator_id AS i FROM old_rows ORDER BY 1) x;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER progress_updates_rollup_insert AFTER INSERT ON progress_updates
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION progress_updates_rollup_statement();
--> statement-breakpoint
CREATE TRIGGER progress_updates_rollup_update AFTER UPDATE ON progress_updates
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION progress_updates_rollup_statement();
--> statement-breakpoint
CREATE TRIGGER progress_updates_rollup_delete AFTER DELETE ON progress_updates
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION progress_updates_rollup_statement();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION progress_updates_summary_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM progress_indicator_levels;
  DELETE FROM progress_indicator_totals;
  DELETE FROM progress_latest;
  DELETE FROM progress_totals;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
INSERT INTO progress_indicator_totals (indicator_id, status, updates, value, numerator, denominator, last_updated_at, max_period_start)
SELECT indicator_id, status, sum(updates), sum(value), sum(numerator), sum(denominator), max(last_updated_at), max(period_start)
FROM progress_totals GROUP BY indicator_id, status;
--> statement-breakpoint
INSERT INTO progress_indicator_levels (indicator_id, counted, series, value, numerator, denominator, max_period_start)
SELECT indicator_id, counted, count(*), sum(value), sum(numerator), sum(denominator), max(period_start)
FROM progress_latest GROUP BY indicator_id, counted;
