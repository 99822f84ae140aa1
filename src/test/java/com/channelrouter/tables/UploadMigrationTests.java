package com.channelrouter.tables;

import com.channelrouter.support.EmptyH2;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Migration 15 keeps every upload apart from its version: the uploads made before it are their versions' own (the
 * file and the live version they were made on), so a candidate uploaded before the migration is still one after it;
 * versions loaded at a start or rebuilt by a publish were not uploaded.
 */
class UploadMigrationTests {

    /** An empty database of its own for each test, since the migrations only ever run forwards. */
    DataSource emptyDatabase() throws SQLException {
        return EmptyH2.database("v15");
    }

    @Test
    void uploadsMadeBeforeAreTheirVersionsOwn() throws SQLException {
        DataSource database = emptyDatabase();
        migrate(database, "14");
        JdbcTemplate jdbc = new JdbcTemplate(database);
        String insert = "INSERT INTO table_version (version_id, content_hash, origin, created_by, created_at, comment_text, publishable,"
                + " based_on, uploaded_file) VALUES (?, ?, ?, ?, TIMESTAMP '2026-12-01 08:00:00', ?, TRUE, ?, ?)";
        jdbc.update(insert, "aaaaaaaaaaaa", "a".repeat(64), "START", "system", null, null, null);
        jdbc.update(insert, "bbbbbbbbbbbb", "b".repeat(64), "UPLOAD", "dev-table-owner", "halls take C leads", "aaaaaaaaaaaa", "routing.xlsx");
        jdbc.update(insert, "cccccccccccc", "c".repeat(64), "REBUILT", "dev-table-owner", "rebuilt", "bbbbbbbbbbbb", "sla.xlsx");

        migrate(database, "latest");

        List<Map<String, Object>> uploads = jdbc.queryForList(
                "SELECT version_id, based_on, uploaded_file, uploaded_by, comment_text FROM table_upload ORDER BY upload_id");
        assertThat(uploads).singleElement().satisfies(upload -> assertThat(upload.values())
                .containsExactly("bbbbbbbbbbbb", "aaaaaaaaaaaa", "routing.xlsx", "dev-table-owner", "halls take C leads"));
    }

    private static void migrate(DataSource database, String target) {
        Flyway.configure().dataSource(database).locations("classpath:db/migration").target(target).load().migrate();
    }
}
