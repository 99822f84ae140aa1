-- Work-item lifecycle: what a transition needs to know about the item's clock, the outcome of a close,
-- the escalation steps planned for each deadline, the outbox of events for channel systems, and
-- ShedLock's table so that each scheduled job runs on one instance at a time.

ALTER TABLE work_item ADD COLUMN sla_clock VARCHAR(16) NOT NULL DEFAULT 'ROUND_THE_CLOCK';
ALTER TABLE work_item ADD COLUMN dispatch_minutes INT NOT NULL DEFAULT 60;
-- incremented on every return: dispatch escalations belong to one waiting period
ALTER TABLE work_item ADD COLUMN dispatch_cycle INT NOT NULL DEFAULT 0;
ALTER TABLE work_item ADD COLUMN close_outcome VARCHAR(1000);

CREATE INDEX ix_work_item_status_created ON work_item (status, created_at);

-- One row per planned escalation: when due_at passes and the deadline is still unmet, it fires once.
CREATE TABLE escalation_step (
    step_id             BIGINT       NOT NULL AUTO_INCREMENT,
    work_item_id        CHAR(36)     NOT NULL,
    deadline_kind       VARCHAR(16)  NOT NULL,
    dispatch_cycle      INT          NOT NULL DEFAULT 0,
    threshold_percent   INT          NOT NULL,
    escalation_level    VARCHAR(32)  NOT NULL,
    rule_id             VARCHAR(32)  NOT NULL,
    due_at              DATETIME(6),
    done_at             DATETIME(6),
    outcome             VARCHAR(16),
    CONSTRAINT pk_escalation_step PRIMARY KEY (step_id),
    CONSTRAINT fk_escalation_step_item FOREIGN KEY (work_item_id) REFERENCES work_item (work_item_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE INDEX ix_escalation_step_due ON escalation_step (done_at, due_at);
CREATE INDEX ix_escalation_step_item ON escalation_step (work_item_id, deadline_kind);

-- Events for channel systems, written in the same transaction as the change they report. The relay
-- gives each a place in the feed (feed_seq) after commit, so readers never skip a late-committing one.
CREATE TABLE outbox_event (
    outbox_id          BIGINT       NOT NULL AUTO_INCREMENT,
    recipient_channel  VARCHAR(32)  NOT NULL,
    work_item_id       CHAR(36)     NOT NULL,
    event_type         VARCHAR(16)  NOT NULL,
    payload_json       TEXT         NOT NULL,
    created_at         DATETIME(6)  NOT NULL,
    feed_seq           BIGINT,
    CONSTRAINT pk_outbox_event PRIMARY KEY (outbox_id),
    CONSTRAINT uq_outbox_event_feed_seq UNIQUE (feed_seq)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE INDEX ix_outbox_event_pending ON outbox_event (feed_seq, outbox_id);
CREATE INDEX ix_outbox_event_feed ON outbox_event (recipient_channel, feed_seq);

CREATE TABLE shedlock (
    name        VARCHAR(64)   NOT NULL,
    lock_until  DATETIME(6)   NOT NULL,
    locked_at   DATETIME(6)   NOT NULL,
    locked_by   VARCHAR(255)  NOT NULL,
    CONSTRAINT pk_shedlock PRIMARY KEY (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
