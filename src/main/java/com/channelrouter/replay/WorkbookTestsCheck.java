package com.channelrouter.replay;

import com.channelrouter.tables.CandidateCheck;
import com.channelrouter.tables.DecisionTables;
import com.channelrouter.tables.TableProblem;
import com.channelrouter.tables.WorkbookTests;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Runs the test cases a business owner keeps in the workbook's Tests sheet against the candidate itself:
 * a failing test, an unknown column or a malformed row blocks publishing and is pointed out at its cell.
 */
@Component
class WorkbookTestsCheck implements CandidateCheck {

    private final CaseRunner runner;
    private final JsonMapper json;

    WorkbookTestsCheck(CaseRunner runner, JsonMapper json) {
        this.runner = runner;
        this.json = json;
    }

    /** How the Tests sheet went. */
    record Summary(int cases, int passed, int failed) {
    }

    @Override
    public Result check(DecisionTables candidate) {
        List<TableProblem> problems = new ArrayList<>();
        int cases = 0;
        int passed = 0;
        for (WorkbookTests tests : candidate.tests()) {
            if (reportHeaderProblems(tests, problems)) {
                cases += tests.cases().size();
                passed += check(tests, candidate, problems);
            }
        }
        return new Result("workbook tests", new Summary(cases, passed, cases - passed), problems);
    }

    /**
     * Points out the header cells that are no Tests column (suggesting the column meant, where one is obvious) or that
     * name a column twice; false for a column named twice: which of its cells would count is anyone's guess, so the
     * sheet's tests are not run until one is kept (as a QA case file's are not).
     */
    private static boolean reportHeaderProblems(WorkbookTests tests, List<TableProblem> problems) {
        Map<String, String> firstCells = new HashMap<>();
        boolean readable = true;
        for (int column = 0; column < tests.headers().size(); column++) {
            String header = tests.headers().get(column);
            String cell = tests.headerCell(column);
            String first = header.isEmpty() ? null : firstCells.putIfAbsent(header, cell);
            if (first != null) {
                readable = false;
                problems.add(new TableProblem(tests.workbook(), tests.sheet(), cell, tests.headerRow(), header, header,
                        "The column \"" + header + "\" is named twice (" + first + " and " + cell + "): keep one. The tests of this "
                                + "sheet run once it is named once.",
                        "列“" + header + "”出现了两次（" + first + " 和 " + cell + "）：请只保留一列。改正后才会运行本表的测试。"));
            } else if (CaseColumns.unknown(header) != null) {
                String meant = CaseColumns.suggestion(header);
                problems.add(new TableProblem(tests.workbook(), tests.sheet(), cell, tests.headerRow(), header, header, meant != null
                        ? "This is not a Tests column: did you mean \"" + meant + "\"?"
                        : "This is not a Tests column. Use request fields (itemType, customer.customerClass, …), expect.<field> "
                                + "columns, expectStatus and name.",
                        meant != null ? "这不是测试列：是否应为“" + meant + "”？"
                                : "这不是测试列。请使用请求字段（itemType、customer.customerClass 等）、expect.<字段>、expectStatus 和 name。"));
            }
        }
        return readable;
    }

    /** Runs one workbook's Tests sheet, adding its problems; returns how many of its cases passed. */
    private int check(WorkbookTests tests, DecisionTables candidate, List<TableProblem> problems) {
        int passed = 0;
        for (WorkbookTests.Case row : tests.cases()) {
            String firstCell = "A" + row.excelRow();
            String nameCell = tests.cell("name", row.excelRow());
            try {
                ReplayCase replayCase = CaseColumns.toCase(row.values(), tests.sheet() + "!" + firstCell, json);
                CaseRunner.Outcome outcome = runner.run(replayCase, candidate);
                if (outcome.passed()) {
                    passed++;
                } else if (outcome.status() != 200 && (replayCase.expectStatus() == null || replayCase.expectStatus() == 200)) {
                    problems.add(refused(tests, row, replayCase, outcome, nameCell == null ? firstCell : nameCell));
                } else {
                    problems.add(new TableProblem(tests.workbook(), tests.sheet(), nameCell == null ? firstCell : nameCell,
                            row.excelRow(), "name", replayCase.name(),
                            "Test \"" + replayCase.name() + "\" in " + tests.workbook() + " fails: "
                                    + joined(outcome, Expectations.Difference::toString, "; ") + ".",
                            "测试“" + replayCase.name() + "”（" + tests.workbook() + "）未通过："
                                    + joined(outcome, Expectations.Difference::inChinese, "；") + "。"));
                }
            } catch (CaseColumns.NotACase malformed) {
                problems.add(notACase(tests, row, malformed, nameCell == null ? firstCell : nameCell));
            }
        }
        return passed;
    }

    private static String joined(CaseRunner.Outcome outcome, Function<Expectations.Difference, String> said, String separator) {
        return outcome.differences().stream().map(said).collect(Collectors.joining(separator));
    }

    /**
     * A row that is no test: a cell it cannot be read with (an expectStatus a replay never gives, an expected time
     * that is no time), pointed out at that cell, or nothing to check, at the row.
     */
    private static TableProblem notACase(WorkbookTests tests, WorkbookTests.Case row, CaseColumns.NotACase malformed, String rowCell) {
        String cell = malformed.column == null ? null : tests.cell(malformed.column, row.excelRow());
        if (cell != null) {
            return new TableProblem(tests.workbook(), tests.sheet(), cell, row.excelRow(), malformed.column,
                    row.values().get(malformed.column), malformed.getMessage() + ".", malformed.messageZh);
        }
        return new TableProblem(tests.workbook(), tests.sheet(), rowCell, row.excelRow(), "name", row.values().get(CaseColumns.NAME),
                "Test in row " + row.excelRow() + " " + CaseColumns.checksNothing(null, null, null) + ".",
                "第 " + row.excelRow() + " 行的测试什么都不检查：请至少填写一个 expect. 单元格或 expectStatus。");
    }

    /**
     * A test whose request is refused, where the owner expected a decision: said as such (not "status: expected
     * 200", a number the owner never wrote), at the cell of the field refused when the sheet has that column.
     */
    private static TableProblem refused(WorkbookTests tests, WorkbookTests.Case row, ReplayCase replayCase, CaseRunner.Outcome outcome,
                                        String fallbackCell) {
        String refusal = outcome.refusal() == null ? "" : outcome.refusal();
        if (outcome.status() != 400) {
            // 422: the request is fine and the tables refuse it (no row matches, say): the tables are what to look at
            return new TableProblem(tests.workbook(), tests.sheet(), fallbackCell, row.excelRow(), "name", replayCase.name(),
                    "Test \"" + replayCase.name() + "\" in " + tests.workbook() + " gets no decision: the tables refuse its item ("
                            + outcome.status() + "): " + refusal + ". Check the tables' rows for it; write " + outcome.status()
                            + " in expectStatus only if the refusal is what it tests.",
                    "测试“" + replayCase.name() + "”（" + tests.workbook() + "）没有得到决策结果：决策表拒绝了该工单（" + outcome.status()
                            + "）：" + refusal + "。请检查决策表中对应的规则行；只有在测试的正是这一拒绝时，才在 expectStatus 中填写 "
                            + outcome.status() + "。");
        }
        String field = refusal.split(" ", 2)[0];
        String fieldCell = tests.cell(field, row.excelRow());
        return new TableProblem(tests.workbook(), tests.sheet(), fieldCell == null ? fallbackCell : fieldCell, row.excelRow(),
                fieldCell == null ? "name" : field, fieldCell == null ? replayCase.name() : row.values().get(field),
                "Test \"" + replayCase.name() + "\" in " + tests.workbook() + " gets no decision: its request is refused ("
                        + outcome.status() + "): " + refusal + ". Correct the test, or write " + outcome.status()
                        + " in expectStatus if the refusal is what it tests.",
                "测试“" + replayCase.name() + "”（" + tests.workbook() + "）没有得到决策结果：请求被拒绝（" + outcome.status() + "）："
                        + refusal + "。请更正该测试；如果测试的正是这一拒绝，请在 expectStatus 中填写 " + outcome.status() + "。");
    }
}
