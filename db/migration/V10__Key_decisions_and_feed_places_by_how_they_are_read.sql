-- Each stored item paid for two indexes no query needs. A decision is read only by its item, so
-- routing_decision is keyed by work_item_id and its own decision_id (a UUIDv7, unique as generated, in the
-- answer for reference) is no longer indexed: one index entry less per item. A feed place is read only by
-- its recipient, from a cursor on (GET /api/v1/events), so feed_event is keyed by
-- (recipient_channel, feed_seq), the order of that read, and the secondary index that repeated it goes: two
-- index entries less per item (an item's ROUTED event has two recipients). Places stay unique in each feed;
-- relays take them one after another under the feed head's row lock (OutboxRelay).
-- Separate statements because H2 takes one change per ALTER TABLE; on MySQL and MariaDB each primary key
-- change rebuilds the table: apply it to a large deployment in a quiet hour.
ALTER TABLE routing_decision DROP PRIMARY KEY;
ALTER TABLE routing_decision ADD CONSTRAINT pk_routing_decision PRIMARY KEY (work_item_id);
ALTER TABLE routing_decision DROP INDEX uq_routing_decision_item;

ALTER TABLE feed_event DROP PRIMARY KEY;
ALTER TABLE feed_event ADD CONSTRAINT pk_feed_event PRIMARY KEY (recipient_channel, feed_seq);
DROP INDEX ix_feed_event_recipient ON feed_event;
