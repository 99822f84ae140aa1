package com.channelrouter.tables;

import com.channelrouter.domain.DeadlineKind;
import com.channelrouter.domain.EscalationLevel;
import com.channelrouter.engine.Condition;
import com.channelrouter.engine.EscalationRow;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads the optional "Escalation" sheet: who is told when how much of the time to which deadline has
 * passed. Condition columns narrow a row to some items; every matching row applies.
 */
final class EscalationSheet {

    static final String SHEET = "Escalation";
    static final Column DEADLINE = new Column("Deadline", "时限");
    static final Column PERCENT = new Column("At % of time", "时间进度(%)");
    static final Column LEVEL = new Column("Escalate to", "升级对象");

    /** Up to ten times the time allowed: beyond that nobody is still waiting for a reminder. */
    private static final int MAX_PERCENT = 1000;

    private EscalationSheet() {
    }

    static List<EscalationRow> read(SheetCells sheet, ProductCatalogue catalogue, TableProblems problems) {
        List<Column> allowed = Stream.concat(Stream.of(Column.RULE, DEADLINE, PERCENT, LEVEL, Column.NOTES),
                ConditionColumn.columns().stream()).toList();
        List<EscalationRow> rows = new ArrayList<>();
        HeaderedSheet.locate(sheet, Column.RULE, allowed, problems).ifPresent(table -> {
            for (Column required : List.of(DEADLINE, PERCENT, LEVEL)) {
                if (!table.has(required)) {
                    problems.error(new TableProblem(sheet.workbook(), sheet.name(), null, null, required.english(), null,
                            "The sheet needs a \"" + required.english() + "\" column.",
                            "此工作表需要“" + required.english() + " " + required.chinese() + "”列。"));
                }
            }
            for (TableRecord record : table.records()) {
                String ruleId = record.ruleId(Column.RULE);
                List<Condition> conditions = new ArrayList<>();
                for (Column column : table.columns()) {
                    ConditionColumn.of(column).flatMap(c -> c.read(record, catalogue)).ifPresent(conditions::add);
                }
                DeadlineKind deadline = record.code(DEADLINE, DeadlineKind.class, true);
                Integer percent = record.wholeNumber(PERCENT, 1, MAX_PERCENT,
                        "Write the share of the time allowed as a whole percentage from 1 to " + MAX_PERCENT + ", such as 80.",
                        "请填写 1 到 " + MAX_PERCENT + " 之间的整数百分比，例如 80。");
                EscalationLevel level = record.code(LEVEL, EscalationLevel.class, true);
                if (deadline != null && percent != null && level != null) {
                    rows.add(new EscalationRow(ruleId, record.location(),
                            conditions, deadline, percent, level));
                }
            }
        });
        return rows;
    }
}
