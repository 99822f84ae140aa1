-- The feed apart from the outbox. Until now each event stayed in outbox_event for good and the relay gave
-- it its place by updating the row: a wide row rewritten, and two of its index entries removed and added
-- again (measured: the relay took a fifth of a long batch's time). Now the outbox only holds events that
-- wait for their place (primary key only: one index entry to write), and the relay moves them, in commit-
-- visible order, into feed_event, which is written once, in place order, and read by recipient channel.

CREATE TABLE outbox (
    outbox_id          BIGINT       NOT NULL AUTO_INCREMENT,
    recipient_channel  VARCHAR(32)  NOT NULL,
    work_item_id       CHAR(36)     NOT NULL,
    event_type         VARCHAR(16)  NOT NULL,
    payload_json       TEXT         NOT NULL,
    created_at         DATETIME(6)  NOT NULL,
    CONSTRAINT pk_outbox PRIMARY KEY (outbox_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- feed_seq is the place a reader's cursor names; its primary key also stops two relays that overlap from
-- giving one place twice.
CREATE TABLE feed_event (
    feed_seq           BIGINT       NOT NULL,
    recipient_channel  VARCHAR(32)  NOT NULL,
    work_item_id       CHAR(36)     NOT NULL,
    event_type         VARCHAR(16)  NOT NULL,
    payload_json       TEXT         NOT NULL,
    created_at         DATETIME(6)  NOT NULL,
    CONSTRAINT pk_feed_event PRIMARY KEY (feed_seq)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE INDEX ix_feed_event_recipient ON feed_event (recipient_channel, feed_seq);

INSERT INTO feed_event (feed_seq, recipient_channel, work_item_id, event_type, payload_json, created_at)
SELECT feed_seq, recipient_channel, work_item_id, event_type, payload_json, created_at
  FROM outbox_event WHERE feed_seq IS NOT NULL;

-- waiting events keep their order; their new ids come from the new table's own counter
INSERT INTO outbox (recipient_channel, work_item_id, event_type, payload_json, created_at)
SELECT recipient_channel, work_item_id, event_type, payload_json, created_at
  FROM outbox_event WHERE feed_seq IS NULL ORDER BY outbox_id;

-- The next place to give. The relay locks this row for its transaction, so relays run one after another
-- even if the scheduler's lock lapses, and a late-committing event never lands behind a reader's cursor.
CREATE TABLE feed_head (
    slot      INT     NOT NULL,
    next_seq  BIGINT  NOT NULL,
    CONSTRAINT pk_feed_head PRIMARY KEY (slot)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

INSERT INTO feed_head (slot, next_seq) SELECT 1, COALESCE(MAX(feed_seq), 0) + 1 FROM feed_event;

DROP TABLE outbox_event;
