package com.channelrouter.events;

import com.channelrouter.support.EmptyH2;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Migration 8 on a database with events already in the feed and events still waiting: nobody's cursor moves. */
class FeedMigrationTests {

    DataSource database;

    @BeforeEach
    void createDatabase() throws SQLException {
        database = emptyDatabase();
    }

    /** An empty database of its own for each test, since the migrations only ever run forwards. */
    DataSource emptyDatabase() throws SQLException {
        return EmptyH2.database("v8");
    }

    Flyway flyway(String target) {
        return Flyway.configure().dataSource(database).locations("classpath:db/migration").target(target).load();
    }

    @Test
    void placedEventsKeepTheirPlacesAndWaitingOnesStayWaitingInOrder() throws SQLException {
        flyway("7").migrate();
        try (Connection connection = database.getConnection(); Statement sql = connection.createStatement()) {
            event(sql, "placed-first", 41L);
            event(sql, "waiting-first", null);
            event(sql, "placed-second", 57L);
            event(sql, "waiting-second", null);
        }

        flyway("latest").migrate();

        try (Connection connection = database.getConnection(); Statement sql = connection.createStatement()) {
            assertThat(column(sql, "SELECT CONCAT(e.work_item_id, '@', f.feed_seq) FROM feed_event f"
                    + " JOIN channel_event e ON e.event_id = f.event_id ORDER BY f.feed_seq"))
                    .containsExactly("placed-first@41", "placed-second@57");
            assertThat(column(sql, "SELECT CONCAT(e.work_item_id, ' to ', o.recipient_channels) FROM outbox o"
                    + " JOIN channel_event e ON e.event_id = o.event_id ORDER BY o.event_id"))
                    .containsExactly("waiting-first to NETWORK_MAINTENANCE", "waiting-second to NETWORK_MAINTENANCE");
            assertThat(column(sql, "SELECT next_seq FROM feed_head")).containsExactly("58");
            assertThatThrownBy(() -> sql.executeQuery("SELECT 1 FROM outbox_event")).isInstanceOf(SQLException.class);
            sql.execute("INSERT INTO channel_event (work_item_id, event_type, payload_json, created_at)"
                    + " VALUES ('new', 'ROUTED', '{}', '2026-11-20 05:00:00')");
            assertThat(column(sql, "SELECT event_id FROM channel_event WHERE work_item_id = 'new'")).containsExactly("5");
        }
    }

    static void event(Statement sql, String workItemId, Long feedSeq) throws SQLException {
        sql.execute("INSERT INTO outbox_event (recipient_channel, work_item_id, event_type, payload_json, created_at, feed_seq)"
                + " VALUES ('NETWORK_MAINTENANCE', '" + workItemId + "', 'ROUTED', '{}', '2026-11-20 05:00:00', " + feedSeq + ")");
    }

    static List<String> column(Statement sql, String query) throws SQLException {
        List<String> values = new ArrayList<>();
        try (ResultSet rows = sql.executeQuery(query)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
