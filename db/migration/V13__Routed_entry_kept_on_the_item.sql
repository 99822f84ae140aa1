-- An item's first history entry (ROUTED: to whom, by whom, when) was a work_item_event row of its own, written
-- with every stored item: a seventh row and a sixth statement per group for what the item's own row already
-- holds but the channel first routed to (the owner changes on a dispatch or a return). The row now keeps that
-- channel, and the entry is read from it (WorkItems). Items stored before keep their ROUTED rows and a NULL here.
-- Added last and nullable, so MySQL 8 and MariaDB add it instantly, without rebuilding the table.
ALTER TABLE work_item ADD COLUMN routed_to VARCHAR(32);
