-- The relay finds unsequenced events through uq_outbox_event_feed_seq: an InnoDB secondary index carries
-- the primary key, so its NULL entries are already in outbox_id order. ix_outbox_event_pending repeated it,
-- and every event paid for it twice: once when written and again when the relay gave it its place.
DROP INDEX ix_outbox_event_pending ON outbox_event;
