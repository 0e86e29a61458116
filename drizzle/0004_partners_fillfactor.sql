-- Room on each page for a partner's new row version: the semester evaluation and tier overrides change
-- tier, tier_since and updated_at, none of them indexed, so those updates can stay on the page (HOT)
-- instead of adding an entry to every index of the table.
ALTER TABLE "partners" SET (fillfactor = 85);
