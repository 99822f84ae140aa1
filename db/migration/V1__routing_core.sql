-- Routing core: the customer registry, work items with their routing decisions and history,
-- idempotency keys, and the decision-table versions that decided.
-- Runs unchanged on H2 (MODE=MySQL) and on MySQL 8 / MariaDB 10.11. Times are UTC in DATETIME(6)
-- (TIMESTAMP ends in 2038 on MariaDB); column names avoid H2 keywords (value, day, year, user, key).
-- Tables use the binary collation: ids, keys and codes compare exactly, as on H2; MySQL's and MariaDB's
-- default collations would make "HL-1" and "hl-1", or "CAFÉ" and "CAFE", the same key.

CREATE TABLE customer (
    customer_id        VARCHAR(64)  NOT NULL,
    customer_name      VARCHAR(200),
    customer_class     VARCHAR(16)  NOT NULL,
    account_manager_id VARCHAR(64),
    updated_at         DATETIME(6)  NOT NULL,
    CONSTRAINT pk_customer PRIMARY KEY (customer_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE work_item (
    work_item_id     CHAR(36)     NOT NULL,
    item_type        VARCHAR(8)   NOT NULL,
    source_channel   VARCHAR(32)  NOT NULL,
    external_id      VARCHAR(128),
    customer_id      VARCHAR(64)  NOT NULL,
    owner_channel    VARCHAR(32)  NOT NULL,
    status           VARCHAR(24)  NOT NULL,
    second_transfer  BOOLEAN      NOT NULL,
    occurred_at      DATETIME(6)  NOT NULL,
    response_due_at  DATETIME(6)  NOT NULL,
    resolve_due_at   DATETIME(6)  NOT NULL,
    dispatch_due_at  DATETIME(6),
    claimed_at       DATETIME(6),
    dispatched_at    DATETIME(6),
    closed_at        DATETIME(6),
    request_hash     CHAR(64)     NOT NULL,
    created_by       VARCHAR(64)  NOT NULL,
    created_at       DATETIME(6)  NOT NULL,
    row_version      INT          NOT NULL DEFAULT 0,
    CONSTRAINT pk_work_item PRIMARY KEY (work_item_id),
    -- a source system's own id names one item; NULLs (no external id) never collide
    CONSTRAINT uq_work_item_external UNIQUE (source_channel, external_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE INDEX ix_work_item_owner_created ON work_item (owner_channel, created_at);
CREATE INDEX ix_work_item_source_created ON work_item (source_channel, created_at);
CREATE INDEX ix_work_item_created ON work_item (created_at);

-- One decision per work item, kept whole so it can be explained and replayed later.
CREATE TABLE routing_decision (
    decision_id    CHAR(36)     NOT NULL,
    work_item_id   CHAR(36)     NOT NULL,
    table_version  VARCHAR(64)  NOT NULL,
    routing_rule   VARCHAR(32)  NOT NULL,
    sla_rule       VARCHAR(32)  NOT NULL,
    request_json   TEXT         NOT NULL,
    decision_json  TEXT         NOT NULL,
    decided_at     DATETIME(6)  NOT NULL,
    CONSTRAINT pk_routing_decision PRIMARY KEY (decision_id),
    CONSTRAINT uq_routing_decision_item UNIQUE (work_item_id),
    CONSTRAINT fk_routing_decision_item FOREIGN KEY (work_item_id) REFERENCES work_item (work_item_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE INDEX ix_routing_decision_version ON routing_decision (table_version, decided_at);

-- Append-only history of each work item.
CREATE TABLE work_item_event (
    event_id      BIGINT       NOT NULL AUTO_INCREMENT,
    work_item_id  CHAR(36)     NOT NULL,
    event_type    VARCHAR(16)  NOT NULL,
    channel       VARCHAR(32),
    actor         VARCHAR(64)  NOT NULL,
    reason        VARCHAR(1000),
    occurred_at   DATETIME(6)  NOT NULL,
    CONSTRAINT pk_work_item_event PRIMARY KEY (event_id),
    CONSTRAINT fk_work_item_event_item FOREIGN KEY (work_item_id) REFERENCES work_item (work_item_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE INDEX ix_work_item_event_item ON work_item_event (work_item_id, event_id);

-- Idempotency-Key header values, scoped to the calling client, stored with the item they created.
CREATE TABLE idempotency_key (
    client_id     VARCHAR(64)  NOT NULL,
    idem_key      VARCHAR(255) NOT NULL,
    request_hash  CHAR(64)     NOT NULL,
    work_item_id  CHAR(36)     NOT NULL,
    created_at    DATETIME(6)  NOT NULL,
    CONSTRAINT pk_idempotency_key PRIMARY KEY (client_id, idem_key),
    CONSTRAINT fk_idempotency_key_item FOREIGN KEY (work_item_id) REFERENCES work_item (work_item_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Decision-table versions: the workbooks of every version that ever decided, by content hash.
CREATE TABLE table_version (
    version_id    VARCHAR(64)  NOT NULL,
    content_hash  CHAR(64)     NOT NULL,
    origin        VARCHAR(16)  NOT NULL,
    created_by    VARCHAR(64)  NOT NULL,
    created_at    DATETIME(6)  NOT NULL,
    comment_text  VARCHAR(1000),
    CONSTRAINT pk_table_version PRIMARY KEY (version_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE table_workbook (
    version_id    VARCHAR(64)  NOT NULL,
    file_name     VARCHAR(128) NOT NULL,
    content       LONGBLOB     NOT NULL,
    CONSTRAINT pk_table_workbook PRIMARY KEY (version_id, file_name),
    CONSTRAINT fk_table_workbook_version FOREIGN KEY (version_id) REFERENCES table_version (version_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
