-- A routed item's decision, first history entry and idempotency key are written in the same transaction as
-- the item itself (WorkItems.openAll, RoutingRecorder), and nothing deletes items, so these foreign keys
-- never refused anything; but InnoDB checked each one on every insert, a lookup in work_item's primary key
-- and a shared lock on the item row. Measured on POST /routings (MariaDB, docs/load/routings-cost.sh): a
-- sixth of MariaDB's CPU per stored item. Partitioning these tables by month (docs/PERFORMANCE.md, "At a
-- billion stored decisions") needs them gone too. feed_event was made without one for the same reason.
ALTER TABLE routing_decision DROP FOREIGN KEY fk_routing_decision_item;
ALTER TABLE work_item_event DROP FOREIGN KEY fk_work_item_event_item;
ALTER TABLE idempotency_key DROP FOREIGN KEY fk_idempotency_key_item;
