-- partner_statuses is derived from partners and from every table the program rules read: each writing
-- statement marks the partners it touched stale (generation + 1), whatever code writes. Statement-level
-- triggers with transition tables: a 1 000 000-line revenue import costs one UPDATE, not one per line.
CREATE FUNCTION partner_statuses_stale() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    UPDATE partner_statuses SET generation = generation + 1
      WHERE partner_id IN (SELECT partner_id FROM new_rows);
  ELSIF TG_OP = 'UPDATE' THEN
    UPDATE partner_statuses SET generation = generation + 1
      WHERE partner_id IN (SELECT partner_id FROM new_rows UNION SELECT partner_id FROM old_rows);
  ELSE
    UPDATE partner_statuses SET generation = generation + 1
      WHERE partner_id IN (SELECT partner_id FROM old_rows);
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE FUNCTION partner_statuses_partner_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO partner_statuses (partner_id) SELECT id FROM new_rows ON CONFLICT (partner_id) DO NOTHING;
  ELSE
    UPDATE partner_statuses SET generation = generation + 1 WHERE partner_id IN (SELECT id FROM new_rows);
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER partner_statuses_on_insert AFTER INSERT ON partners REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION partner_statuses_partner_changed();--> statement-breakpoint
CREATE TRIGGER partner_statuses_on_update AFTER UPDATE ON partners REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION partner_statuses_partner_changed();--> statement-breakpoint
CREATE TRIGGER partner_statuses_on_insert AFTER INSERT ON contacts REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION partner_statuses_stale();--> statement-breakpoint
CREATE TRIGGER partner_statuses_on_update AFTER UPDATE ON contacts REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION partner_statuses_stale();--> statement-breakpoint
CREATE TRIGGER partner_statuses_on_delete AFTER DELETE ON contacts REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION partner_statuses_stale();--> statement-breakpoint
CREATE TRIGGER partner_statuses_on_insert AFTER INSERT ON revenue_lines REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION partner_statuses_stale();--> statement-breakpoint
CREATE TRIGGER partner_statuses_on_update AFTER UPDATE ON revenue_lines REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION partner_statuses_stale();--> statement-breakpoint
CREATE TRIGGER partner_statuses_on_delete AFTER DELETE ON revenue_lines REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION partner_statuses_stale();--> statement-breakpoint
CREATE TRIGGER partner_statuses_on_insert AFTER INSERT ON training_completions REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION partner_statuses_stale();--> statement-breakpoint
CREATE TRIGGER partner_statuses_on_update AFTER UPDATE ON training_completions REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION partner_statuses_stale();--> statement-breakpoint
CREATE TRIGGER partner_statuses_on_delete AFTER DELETE ON training_completions REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION partner_statuses_stale();--> statement-breakpoint
CREATE TRIGGER partner_statuses_on_insert AFTER INSERT ON checklist_items REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION partner_statuses_stale();--> statement-breakpoint
CREATE TRIGGER partner_statuses_on_update AFTER UPDATE ON checklist_items REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION partner_statuses_stale();--> statement-breakpoint
CREATE TRIGGER partner_statuses_on_delete AFTER DELETE ON checklist_items REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION partner_statuses_stale();--> statement-breakpoint
CREATE TRIGGER partner_statuses_on_insert AFTER INSERT ON tier_history REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION partner_statuses_stale();--> statement-breakpoint
CREATE TRIGGER partner_statuses_on_update AFTER UPDATE ON tier_history REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION partner_statuses_stale();--> statement-breakpoint
CREATE TRIGGER partner_statuses_on_delete AFTER DELETE ON tier_history REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION partner_statuses_stale();--> statement-breakpoint
-- backfill
INSERT INTO partner_statuses (partner_id) SELECT id FROM partners ON CONFLICT (partner_id) DO NOTHING;
