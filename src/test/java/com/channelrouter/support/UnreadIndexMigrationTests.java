package com.channelrouter.support;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Migration 12 drops the two indexes that every stored item wrote to and no query reads, and leaves the
 * indexes the queries use: decisions by item and by time, idempotency keys by client and key.
 */
class UnreadIndexMigrationTests {

    /** The primary key's index, which H2 names after the constraint and MySQL and MariaDB call PRIMARY. */
    private static final String PRIMARY_KEY = "(primary key)";

    DataSource database;

    @BeforeEach
    void createDatabase() throws SQLException {
        database = emptyDatabase();
    }

    /** An empty database of its own for each test, since the migrations only ever run forwards. */
    DataSource emptyDatabase() throws SQLException {
        return EmptyH2.database("v12");
    }

    @Test
    void decisionsKeepTheirIndexesByItemAndByTimeOnly() throws SQLException {
        migrate("11");
        assertThat(indexes("routing_decision")).containsEntry("ix_routing_decision_version", "table_version,decided_at");

        migrate("latest");

        assertThat(indexes("routing_decision")).containsOnlyKeys(PRIMARY_KEY, "ix_routing_decision_decided")
                .containsEntry(PRIMARY_KEY, "work_item_id")
                .containsEntry("ix_routing_decision_decided", "decided_at");
    }

    @Test
    void idempotencyKeysKeepOnlyTheirPrimaryKey() throws SQLException {
        migrate("latest");

        assertThat(indexes("idempotency_key")).containsOnlyKeys(PRIMARY_KEY)
                .containsEntry(PRIMARY_KEY, "client_id,idem_key");
    }

    private void migrate(String target) {
        Flyway.configure().dataSource(database).locations("classpath:db/migration").target(target).load().migrate();
    }

    /** The table's indexes by name, the primary key's as {@link #PRIMARY_KEY}, each with its columns in order. */
    private Map<String, String> indexes(String table) throws SQLException {
        Map<String, String> columnsByIndex = new TreeMap<>();
        try (Connection connection = database.getConnection();
             ResultSet rows = connection.getMetaData().getIndexInfo(connection.getCatalog(), connection.getSchema(), table, false, false)) {
            while (rows.next()) {
                String index = rows.getString("INDEX_NAME").toLowerCase();
                String name = index.equals("primary") || index.startsWith("primary_key") ? PRIMARY_KEY : index;
                columnsByIndex.merge(name, rows.getString("COLUMN_NAME").toLowerCase(), (a, b) -> a + "," + b);
            }
        }
        return columnsByIndex;
    }
}
