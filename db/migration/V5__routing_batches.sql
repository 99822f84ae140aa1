-- Batch routing: one row per NDJSON batch, updated after every chunk, so that its progress can be read
-- from any instance while it runs and its totals afterwards.
CREATE TABLE routing_batch (
    batch_id        CHAR(36)     NOT NULL,
    client_id       VARCHAR(100) NOT NULL,
    state           VARCHAR(16)  NOT NULL,
    lines_read      BIGINT       NOT NULL DEFAULT 0,
    `stored`        BIGINT       NOT NULL DEFAULT 0,   -- quoted: a reserved word in MySQL 8, not in MariaDB
    replayed        BIGINT       NOT NULL DEFAULT 0,
    refused         BIGINT       NOT NULL DEFAULT 0,
    started_at      DATETIME(6)  NOT NULL,
    updated_at      DATETIME(6)  NOT NULL,
    finished_at     DATETIME(6),
    failure         VARCHAR(1000),
    CONSTRAINT pk_routing_batch PRIMARY KEY (batch_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE INDEX ix_routing_batch_client ON routing_batch (client_id, started_at);
