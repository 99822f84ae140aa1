-- Indexes for the work-item list at millions of rows. A page is read per visibility branch (owned by a
-- channel, sourced by it, routed by a client) newest first; each branch walks one of these indexes
-- backwards and stops after a page, with or without a status filter.
CREATE INDEX ix_work_item_owner_status_created ON work_item (owner_channel, status, created_at);
CREATE INDEX ix_work_item_source_status_created ON work_item (source_channel, status, created_at);
CREATE INDEX ix_work_item_creator_created ON work_item (created_by, created_at);
