-- The feed apart from the outbox. Until now each event was stored once per recipient channel, in
-- outbox_event, for good, and the relay gave each row its place by updating it: a wide row rewritten and
-- two of its index entries removed and added again (measured: the relay took a fifth of a long batch's
-- time). Now an event's body is written once (channel_event), the outbox only says which events still wait
-- for their places and who hears of them, and the relay writes each recipient's place as a narrow row of
-- feed_event, in commit-visible order, then removes the event from the outbox.

CREATE TABLE channel_event (
    event_id      BIGINT       NOT NULL AUTO_INCREMENT,
    work_item_id  CHAR(36)     NOT NULL,
    event_type    VARCHAR(16)  NOT NULL,
    payload_json  TEXT         NOT NULL,
    created_at    DATETIME(6)  NOT NULL,
    CONSTRAINT pk_channel_event PRIMARY KEY (event_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- recipient_channels: the channel codes, comma-separated, in the order they hear of it
CREATE TABLE outbox (
    event_id            BIGINT         NOT NULL,
    recipient_channels  VARCHAR(1000)  NOT NULL,
    CONSTRAINT pk_outbox PRIMARY KEY (event_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- feed_seq is the place a reader's cursor names; its primary key also stops two relays that overlap from
-- giving one place twice. No foreign key to channel_event: InnoDB would add an index on event_id to every
-- place written, and only the relay writes here, from events it has just read.
CREATE TABLE feed_event (
    feed_seq           BIGINT       NOT NULL,
    recipient_channel  VARCHAR(32)  NOT NULL,
    event_id           BIGINT       NOT NULL,
    CONSTRAINT pk_feed_event PRIMARY KEY (feed_seq)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE INDEX ix_feed_event_recipient ON feed_event (recipient_channel, feed_seq);

-- The next place to give. The relay locks this row for its transaction, so relays run one after another
-- even if the scheduler's lock lapses, and a late-committing event never lands behind a reader's cursor.
CREATE TABLE feed_head (
    slot      INT     NOT NULL,
    next_seq  BIGINT  NOT NULL,
    CONSTRAINT pk_feed_head PRIMARY KEY (slot)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Existing rows keep their ids as event ids (one recipient each), placed ones their places; the event id
-- counter continues after them on MySQL, MariaDB and H2 alike.
INSERT INTO channel_event (event_id, work_item_id, event_type, payload_json, created_at)
SELECT outbox_id, work_item_id, event_type, payload_json, created_at FROM outbox_event;

INSERT INTO feed_event (feed_seq, recipient_channel, event_id)
SELECT feed_seq, recipient_channel, outbox_id FROM outbox_event WHERE feed_seq IS NOT NULL;

INSERT INTO outbox (event_id, recipient_channels)
SELECT outbox_id, recipient_channel FROM outbox_event WHERE feed_seq IS NULL;

INSERT INTO feed_head (slot, next_seq) SELECT 1, COALESCE(MAX(feed_seq), 0) + 1 FROM feed_event;

DROP TABLE outbox_event;
