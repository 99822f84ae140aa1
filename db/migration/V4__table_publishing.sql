-- Decision tables at run time: every upload is a version (candidate until published) with its check
-- report; publications and rollbacks are kept as history; one row says which version is live, and every
-- instance follows it.
ALTER TABLE table_version ADD COLUMN publishable BOOLEAN NOT NULL DEFAULT TRUE;
ALTER TABLE table_version ADD COLUMN based_on VARCHAR(64);
ALTER TABLE table_version ADD COLUMN uploaded_file VARCHAR(128);
ALTER TABLE table_version ADD COLUMN report_json LONGTEXT;

CREATE TABLE table_publication (
    publication_id      BIGINT        NOT NULL AUTO_INCREMENT,
    version_id          VARCHAR(64)   NOT NULL,
    publication_action  VARCHAR(16)   NOT NULL,
    actor               VARCHAR(64)   NOT NULL,
    comment_text        VARCHAR(1000),
    published_at        DATETIME(6)   NOT NULL,
    CONSTRAINT pk_table_publication PRIMARY KEY (publication_id),
    CONSTRAINT fk_table_publication_version FOREIGN KEY (version_id) REFERENCES table_version (version_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Exactly one row (slot 1): the live version. Publishing locks it, so publishes and rollbacks line up.
CREATE TABLE table_live (
    slot            INT          NOT NULL,
    version_id      VARCHAR(64)  NOT NULL,
    publication_id  BIGINT       NOT NULL,
    CONSTRAINT pk_table_live PRIMARY KEY (slot),
    CONSTRAINT fk_table_live_version FOREIGN KEY (version_id) REFERENCES table_version (version_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- The impact preview replays the stored requests of the last days.
CREATE INDEX ix_routing_decision_decided ON routing_decision (decided_at);
