package com.channelrouter.workitem;

import com.channelrouter.domain.DeadlineKind;
import com.channelrouter.domain.EscalationLevel;
import com.channelrouter.support.UtcInstantTypeHandler;
import com.channelrouter.support.UtcText;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The data part of migration 6 ({@code db.migration.V6__Escalation_plan_on_work_item}): moves each item's
 * escalation steps from rows of {@code escalation_step} into an {@link EscalationPlan} on the item's own
 * row, with the time the breach detector next has to look ({@code next_escalation_at}), then drops the
 * table. Pending steps stay pending; a dispatch policy keeps the timing of the item's latest wait for
 * dispatch if that is still pending. Items are read a thousand at a time, so memory stays flat.
 */
public final class EscalationStepsToPlans {

    private static final int ITEMS_PER_ROUND = 1000;

    private EscalationStepsToPlans() {
    }

    /** Adds the plan columns and their index, fills them from the step rows, drops the step table. */
    public static void migrate(Connection connection) throws SQLException {
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("ALTER TABLE work_item ADD COLUMN escalation_plan TEXT");
            ddl.execute("ALTER TABLE work_item ADD COLUMN next_escalation_at DATETIME(6)");
            ddl.execute("CREATE INDEX ix_work_item_next_escalation ON work_item (next_escalation_at)");
        }
        String after = "";
        List<String> items;
        while (!(items = nextItems(connection, after)).isEmpty()) {
            writePlans(connection, plansOf(connection, items));
            after = items.get(items.size() - 1);
        }
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("DROP TABLE escalation_step");
        }
    }

    private static List<String> nextItems(Connection connection, String after) throws SQLException {
        List<String> items = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT DISTINCT work_item_id FROM escalation_step"
                + " WHERE work_item_id > ? ORDER BY work_item_id LIMIT " + ITEMS_PER_ROUND)) {
            select.setString(1, after);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    items.add(rows.getString(1));
                }
            }
        }
        return items;
    }

    private static Map<String, EscalationPlan> plansOf(Connection connection, List<String> items) throws SQLException {
        Map<String, List<StepRow>> rowsByItem = new LinkedHashMap<>();
        String placeholders = String.join(",", items.stream().map(id -> "?").toList());
        try (PreparedStatement select = connection.prepareStatement("SELECT work_item_id, rule_id, deadline_kind,"
                + " dispatch_cycle, threshold_percent, escalation_level, due_at, done_at FROM escalation_step"
                + " WHERE work_item_id IN (" + placeholders + ") ORDER BY work_item_id, step_id")) {
            for (int i = 0; i < items.size(); i++) {
                select.setString(i + 1, items.get(i));
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    rowsByItem.computeIfAbsent(rows.getString("work_item_id"), id -> new ArrayList<>()).add(new StepRow(
                            new PlannedEscalation(rows.getString("rule_id"), DeadlineKind.valueOf(rows.getString("deadline_kind")),
                                    rows.getInt("threshold_percent"), EscalationLevel.valueOf(rows.getString("escalation_level")),
                                    UtcInstantTypeHandler.instant(rows, "due_at")),
                            rows.getInt("dispatch_cycle"), UtcInstantTypeHandler.instant(rows, "done_at") != null));
                }
            }
        }
        Map<String, EscalationPlan> plans = new LinkedHashMap<>();
        rowsByItem.forEach((item, rows) -> plans.put(item, plan(rows)));
        return plans;
    }

    /** Pending response and resolve steps; each dispatch policy (cycle 0) timed as in the latest cycle if pending there. */
    static EscalationPlan plan(List<StepRow> rows) {
        int latestCycle = rows.stream().mapToInt(StepRow::cycle).max().orElse(0);
        List<PlannedEscalation> steps = new ArrayList<>();
        for (StepRow row : rows) {
            PlannedEscalation step = row.step();
            if (step.deadline() != DeadlineKind.DISPATCH) {
                if (!row.done() && step.dueAt() != null) {
                    steps.add(step);
                }
            } else if (row.cycle() == 0) {
                Instant dueAt = rows.stream()
                        .filter(r -> r.cycle() == latestCycle && !r.done() && r.step().ruleId().equals(step.ruleId())
                                && r.step().deadline() == DeadlineKind.DISPATCH)
                        .findFirst().map(r -> r.step().dueAt()).orElse(null);
                steps.add(new PlannedEscalation(step.ruleId(), step.deadline(), step.percent(), step.level(), dueAt));
            }
        }
        return EscalationPlan.of(steps);
    }

    private static void writePlans(Connection connection, Map<String, EscalationPlan> plans) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE work_item SET escalation_plan = ?, next_escalation_at = ? WHERE work_item_id = ?")) {
            for (Map.Entry<String, EscalationPlan> plan : plans.entrySet()) {
                Instant next = plan.getValue().nextDueAt();
                update.setString(1, plan.getValue().text());
                if (next == null) {
                    update.setNull(2, Types.VARCHAR);
                } else {
                    update.setString(2, UtcText.datetime6(next));
                }
                update.setString(3, plan.getKey());
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    record StepRow(PlannedEscalation step, int cycle, boolean done) {
    }
}
