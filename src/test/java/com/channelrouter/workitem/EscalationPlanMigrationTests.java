package com.channelrouter.workitem;

import com.channelrouter.support.EmptyH2;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Migration 6 (found by Flyway in db.migration) on a database that has items planned the old way: pending steps stay pending, nothing else. */
class EscalationPlanMigrationTests {

    final JdbcDataSource database = EmptyH2.database("v6");

    Flyway flyway(String target) {
        return Flyway.configure().dataSource(database).locations("classpath:db/migration")
                .target(target).load();
    }

    @Test
    void stepRowsBecomeOnePlanPerItem() throws SQLException {
        flyway("5").migrate();
        try (Connection connection = database.getConnection(); Statement sql = connection.createStatement()) {
            item(sql, "waiting-for-claim");
            step(sql, "waiting-for-claim", "E1", "RESPONSE", 0, "'2026-11-20 10:00:00.5'", null);
            step(sql, "waiting-for-claim", "E4", "RESOLVE", 0, "'2026-11-20 08:00:00'", "'2026-11-20 08:00:01'");
            step(sql, "waiting-for-claim", "E7", "DISPATCH", 0, null, null);
            item(sql, "returned-once");
            step(sql, "returned-once", "E7", "DISPATCH", 0, "'2026-11-20 07:00:00'", "'2026-11-20 07:00:01'");
            step(sql, "returned-once", "E7", "DISPATCH", 1, "'2026-11-20 12:00:00'", null);
            item(sql, "all-handled");
            step(sql, "all-handled", "E1", "RESPONSE", 0, "'2026-11-20 06:00:00'", "'2026-11-20 06:00:01'");
            item(sql, "never-planned");
        }

        flyway("latest").migrate();

        try (Connection connection = database.getConnection(); Statement sql = connection.createStatement()) {
            Map<String, String[]> plans = new HashMap<>();
            try (ResultSet rows = sql.executeQuery("SELECT work_item_id, escalation_plan, next_escalation_at FROM work_item")) {
                while (rows.next()) {
                    plans.put(rows.getString(1), new String[] {rows.getString(2), rows.getString(3)});
                }
            }
            assertThat(plans.get("waiting-for-claim")).containsExactly(
                    "E1 RESPONSE 80 OWNER 2026-11-20T10:00:00.500Z;E7 DISPATCH 80 OWNER -", "2026-11-20 10:00:00.5");
            assertThat(plans.get("returned-once")).containsExactly("E7 DISPATCH 80 OWNER 2026-11-20T12:00:00Z", "2026-11-20 12:00:00");
            assertThat(plans.get("all-handled")).containsExactly(null, null);
            assertThat(plans.get("never-planned")).containsExactly(null, null);
            assertThatThrownBy(() -> sql.executeQuery("SELECT 1 FROM escalation_step")).isInstanceOf(SQLException.class);
        }
    }

    static void item(Statement sql, String id) throws SQLException {
        sql.execute("INSERT INTO work_item (work_item_id, item_type, source_channel, customer_id, owner_channel, status,"
                + " second_transfer, occurred_at, response_due_at, resolve_due_at, request_hash, created_by, created_at)"
                + " VALUES ('" + id + "', 'FAULT', 'GROUP_HOTLINE', 'GC-1', 'NETWORK_MAINTENANCE', 'ROUTED', FALSE,"
                + " '2026-11-20 05:00:00', '2026-11-20 11:00:00', '2026-11-21 05:00:00', 'h', 'test', '2026-11-20 05:00:00')");
    }

    static void step(Statement sql, String item, String rule, String deadline, int cycle, String dueAt, String doneAt)
            throws SQLException {
        sql.execute("INSERT INTO escalation_step (work_item_id, deadline_kind, dispatch_cycle, threshold_percent,"
                + " escalation_level, rule_id, due_at, done_at) VALUES ('" + item + "', '" + deadline + "', " + cycle
                + ", 80, 'OWNER', '" + rule + "', " + dueAt + ", " + doneAt + ")");
    }
}
