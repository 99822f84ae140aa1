package com.channelrouter.tables;

import com.channelrouter.domain.SlaClock;
import com.channelrouter.engine.Condition;
import com.channelrouter.engine.SlaRow;
import com.channelrouter.sla.SlaTerms;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Reads the "SLA" sheet: condition columns, then minutes to respond, resolve and dispatch, and the clock. */
final class SlaSheet {

    static final String SHEET = "SLA";
    static final Column RESPONSE = new Column("Response within (min)", "响应时限(分钟)");
    static final Column RESOLVE = new Column("Resolve within (min)", "解决时限(分钟)");
    static final Column DISPATCH = new Column("Dispatch within (min)", "派单时限(分钟)");
    static final Column CLOCK = new Column("Clock", "计时方式");

    private SlaSheet() {
    }

    static List<SlaRow> read(SheetCells sheet, ProductCatalogue catalogue, TableProblems problems) {
        List<Column> allowed = Stream.concat(
                Stream.of(Column.RULE, RESPONSE, RESOLVE, DISPATCH, CLOCK, Column.NOTES),
                ConditionColumn.columns().stream()).toList();
        List<SlaRow> rows = new ArrayList<>();
        HeaderedSheet.locate(sheet, Column.RULE, allowed, problems).ifPresent(table -> {
            for (Column required : List.of(RESPONSE, RESOLVE, DISPATCH, CLOCK)) {
                if (!table.has(required)) {
                    problems.error(new TableProblem(sheet.workbook(), sheet.name(), null, null, required.english(), null,
                            "The sheet needs a \"" + required.english() + "\" column.",
                            "此工作表需要“" + required.english() + " " + required.chinese() + "”列。"));
                }
            }
            for (TableRecord record : table.records()) {
                rows.add(readRow(record, table, catalogue));
            }
            if (table.records().isEmpty()) {
                problems.error(new TableProblem(sheet.workbook(), sheet.name(), null, null, null, null,
                        "The sheet has no rules, so no item would get an SLA. Add at least one row.",
                        "此工作表没有规则，任何工单都无法获得服务时限。请至少添加一行。"));
            }
        });
        return rows;
    }

    private static SlaRow readRow(TableRecord record, HeaderedSheet table, ProductCatalogue catalogue) {
        String ruleId = record.ruleId(Column.RULE);
        List<Condition> conditions = new ArrayList<>();
        for (Column column : table.columns()) {
            ConditionColumn.of(column).flatMap(c -> c.read(record, catalogue)).ifPresent(conditions::add);
        }
        int response = record.minutes(RESPONSE);
        int resolve = record.minutes(RESOLVE);
        int dispatch = record.minutes(DISPATCH);
        SlaClock clock = record.code(CLOCK, SlaClock.class, true);
        if (record.readWell(RESPONSE, RESOLVE) && resolve < response) { // else a stand-in 1 would be compared
            record.warning(RESOLVE, Integer.toString(resolve), "Resolve within is shorter than Response within; is that intended?",
                    "解决时限短于响应时限，是否有误？");
        }
        return new SlaRow(ruleId, record.location(), conditions,
                new SlaTerms(clock == null ? SlaClock.ROUND_THE_CLOCK : clock, response, resolve, dispatch));
    }
}
