-- An upload whose set was already stored (the same workbooks as a version made before) stored nothing: the version
-- kept the file and the live version of its first upload. When that version had been live before, publishing it
-- made its whole set live again and undid what other owners had published since the second upload. Every upload
-- is now kept here with the file uploaded and the version live at the time (an unedited upload of the live set,
-- which changes nothing, is not); the last upload since a version was last published says which workbook
-- publishing it changes (DecisionTableVersions). Uploads made before this migration are their versions' own.
CREATE TABLE table_upload (
    upload_id      BIGINT         NOT NULL AUTO_INCREMENT,
    version_id     VARCHAR(64)    NOT NULL,
    based_on       VARCHAR(64)    NOT NULL,
    uploaded_file  VARCHAR(128)   NOT NULL,
    uploaded_by    VARCHAR(64)    NOT NULL,
    uploaded_at    DATETIME(6)    NOT NULL,
    comment_text   VARCHAR(1000),
    CONSTRAINT pk_table_upload PRIMARY KEY (upload_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE INDEX ix_table_upload_version ON table_upload (version_id, upload_id);

INSERT INTO table_upload (version_id, based_on, uploaded_file, uploaded_by, uploaded_at, comment_text)
SELECT version_id, based_on, uploaded_file, created_by, created_at, comment_text
  FROM table_version
 WHERE origin = 'UPLOAD' AND based_on IS NOT NULL AND uploaded_file IS NOT NULL
 ORDER BY created_at, version_id;
