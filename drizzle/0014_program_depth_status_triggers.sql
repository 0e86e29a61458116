-- The program's depth (issue 14) completes quarterly duties and shows missed technical reviews: its writes
-- make a partner's status snapshot stale like the other tables the rules read (migration 0012).
CREATE TRIGGER partner_statuses_on_insert AFTER INSERT ON sales_objectives REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION partner_statuses_stale();--> statement-breakpoint
CREATE TRIGGER partner_statuses_on_update AFTER UPDATE ON sales_objectives REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION partner_statuses_stale();--> statement-breakpoint
CREATE TRIGGER partner_statuses_on_delete AFTER DELETE ON sales_objectives REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION partner_statuses_stale();--> statement-breakpoint
CREATE TRIGGER partner_statuses_on_insert AFTER INSERT ON plan_reviews REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION partner_statuses_stale();--> statement-breakpoint
CREATE TRIGGER partner_statuses_on_update AFTER UPDATE ON plan_reviews REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION partner_statuses_stale();--> statement-breakpoint
CREATE TRIGGER partner_statuses_on_delete AFTER DELETE ON plan_reviews REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION partner_statuses_stale();--> statement-breakpoint
CREATE TRIGGER partner_statuses_on_insert AFTER INSERT ON benefit_uses REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION partner_statuses_stale();--> statement-breakpoint
CREATE TRIGGER partner_statuses_on_update AFTER UPDATE ON benefit_uses REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION partner_statuses_stale();--> statement-breakpoint
CREATE TRIGGER partner_statuses_on_delete AFTER DELETE ON benefit_uses REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION partner_statuses_stale();
