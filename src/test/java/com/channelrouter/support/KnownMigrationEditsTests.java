package com.channelrouter.support;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.callback.Callback;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A database migrated before V5 was edited (quoting a word MySQL 8 reserves) records V5's old checksum. Flyway
 * refuses to start on it unless the known edit is accepted; any other edit is still refused.
 */
class KnownMigrationEditsTests {

    private static final KnownMigrationEdits.Edit V5 = KnownMigrationEdits.EDITS.get(0);

    DataSource database;

    @BeforeEach
    void migratedBeforeTheEdit() throws SQLException {
        database = emptyDatabase();
        flyway().migrate();
        recordV5Checksum(V5.before());
    }

    /** An empty database of its own for each test, since the migrations only ever run forwards. */
    DataSource emptyDatabase() throws SQLException {
        return EmptyH2.database("edits");
    }

    private Flyway flyway(Callback... callbacks) {
        return Flyway.configure().dataSource(database).locations("classpath:db/migration").callbacks(callbacks).load();
    }

    @Test
    void withoutItFlywayRefusesTheEditedScript() {
        assertThatThrownBy(() -> flyway().migrate()).isInstanceOf(FlywayException.class).hasMessageContaining("checksum mismatch");
    }

    @Test
    void theKnownEditIsAcceptedAndRecorded() throws SQLException {
        flyway(new KnownMigrationEdits()).migrate();

        assertThat(v5Checksum()).isEqualTo(V5.after());
        flyway().validate(); // now without the callback too
    }

    @Test
    void anyOtherEditIsStillRefused() throws SQLException {
        recordV5Checksum(V5.before() + 1);

        assertThatThrownBy(() -> flyway(new KnownMigrationEdits()).migrate()).isInstanceOf(FlywayException.class)
                .hasMessageContaining("checksum mismatch");
    }

    @Test
    void whereTheOldScriptFailedItRunsAgainAsEdited() throws SQLException {
        // MySQL could not run the old V5 and, without transactional DDL, recorded the failure; nothing after it ran
        database = emptyDatabase();
        Flyway.configure().dataSource(database).locations("classpath:db/migration").target("4").load().migrate();
        try (Connection connection = database.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum,"
                    + " installed_by, execution_time, success) VALUES (99, '5', 'routing batches', 'SQL', 'V5__routing_batches.sql', "
                    + V5.before() + ", 'ops', 0, FALSE)");
        }
        assertThatThrownBy(() -> flyway().migrate()).isInstanceOf(FlywayException.class);

        flyway(new KnownMigrationEdits()).migrate();

        assertThat(v5Checksum()).isEqualTo(V5.after());
        assertThat(flyway().info().pending()).isEmpty();
    }

    @Test
    void aHistoryInAnotherSchemaIsNotThisDatabases() throws SQLException {
        assumeTrue(database instanceof JdbcDataSource, "schemas of one's own: H2");
        database = emptyDatabase();
        try (Connection connection = database.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("CREATE SCHEMA other");
            sql.execute("CREATE TABLE other.flyway_schema_history (version VARCHAR(50), checksum INT, success BOOLEAN)");
        }

        flyway(new KnownMigrationEdits()).migrate();

        assertThat(v5Checksum()).isEqualTo(V5.after());
    }

    @Test
    void theColumnMySqlReservesIsUsableAsBefore() throws SQLException {
        try (Connection connection = database.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("INSERT INTO routing_batch (batch_id, client_id, state, `stored`, started_at, updated_at)"
                    + " VALUES ('b', 'c', 'DONE', 7, '2026-12-05 12:00:00', '2026-12-05 12:00:00')");
            try (ResultSet rows = sql.executeQuery("SELECT `stored` FROM routing_batch")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getLong(1)).isEqualTo(7);
            }
        }
    }

    private void recordV5Checksum(int checksum) throws SQLException {
        try (Connection connection = database.getConnection(); Statement sql = connection.createStatement()) {
            assertThat(sql.executeUpdate("UPDATE flyway_schema_history SET checksum = " + checksum + " WHERE version = '5'")).isOne();
        }
    }

    private int v5Checksum() throws SQLException {
        try (Connection connection = database.getConnection(); Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery("SELECT checksum FROM flyway_schema_history WHERE version = '5'")) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
