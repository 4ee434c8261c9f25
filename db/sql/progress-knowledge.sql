-- Knowledge time. Every change to an update archives its previous state in progress_update_versions (created_at =
-- when it was replaced); each version carries its update's indicator and creation time, so the read model finds
-- the changes made after a day without reading every update. A plan's actuals as known at the end of a past day
-- are kept once computed (progress_as_of_snapshots); these triggers drop a kept day whenever a write could change
-- it: a back-dated update or version, an indicator that stops counting or counts differently. The app stamps
-- with the clock, so ordinary writes delete nothing.

CREATE OR REPLACE FUNCTION progress_update_versions_fill() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT u.indicator_id, u.created_at INTO NEW.indicator_id, NEW.update_created_at FROM progress_updates u WHERE u.id = NEW.update_id;
  RETURN NEW;
END;
$$;

CREATE OR REPLACE TRIGGER progress_update_versions_fill BEFORE INSERT ON progress_update_versions
  FOR EACH ROW EXECUTE FUNCTION progress_update_versions_fill();

CREATE OR REPLACE FUNCTION progress_update_versions_snapshot_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- A version records a state that ended when it was written: it changes what stood on its day and after.
  DELETE FROM progress_as_of_snapshots
  WHERE as_of >= (SELECT min(created_at AT TIME ZONE 'UTC')::date FROM new_rows);
  RETURN NULL;
END;
$$;

CREATE OR REPLACE TRIGGER progress_update_versions_snapshot_guard AFTER INSERT ON progress_update_versions
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION progress_update_versions_snapshot_guard();

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

CREATE OR REPLACE TRIGGER indicators_snapshot_guard AFTER UPDATE OR DELETE ON indicators
  FOR EACH ROW EXECUTE FUNCTION indicators_snapshot_guard();
