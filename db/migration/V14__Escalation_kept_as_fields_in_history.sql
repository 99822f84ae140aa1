-- An ESCALATED history entry kept which deadline it was about and who was told only in its reason's text: the
-- channels' feed gives both as fields (deadline, level), the item's history could not. They are fields of the
-- entry now, NULL for every other kind of entry. Entries written before keep NULLs; their reason still says it.
-- Added last and nullable, so MySQL 8 and MariaDB add them instantly, without rebuilding the table.
ALTER TABLE work_item_event ADD COLUMN deadline_kind VARCHAR(16);
ALTER TABLE work_item_event ADD COLUMN escalation_level VARCHAR(32);
