-- A returned item starts a new dispatch cycle with a new dispatch deadline, and its row keeps only the current
-- cycle's deadline and dispatch: a late dispatch in an earlier cycle vanished from sla.dispatchMet and from
-- breached=true as soon as the item was returned. The row now remembers that one was late.
ALTER TABLE work_item ADD COLUMN dispatch_late_before BOOLEAN NOT NULL DEFAULT FALSE;
