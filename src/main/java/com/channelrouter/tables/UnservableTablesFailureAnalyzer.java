package com.channelrouter.tables;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * When the start-up tables have problems, prints them the way a business owner reads them (sheet,
 * cell, column, message in English and Chinese) instead of a stack trace.
 */
class UnservableTablesFailureAnalyzer extends AbstractFailureAnalyzer<UnservableTablesException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, UnservableTablesException cause) {
        StringBuilder description = new StringBuilder("The decision tables at ").append(cause.location())
                .append(" have ").append(cause.problems().size()).append(" problem(s); the service cannot route with them.\n")
                .append("决策表存在问题，服务无法使用：\n");
        for (TableProblem problem : cause.problems()) {
            description.append("\n  ").append(problem.describe());
            if (problem.messageZh() != null) {
                description.append("\n      ").append(problem.messageZh());
            }
        }
        return new FailureAnalysis(description.toString(),
                "Correct the cells named above in the workbooks and start again, or start with other workbooks: "
                        + "--channel-router.tables.location=file:/path/to/folder/*.xlsx "
                        + "(after renaming or deleting a workbook in decision-tables/, run mvn clean first).",
                cause);
    }
}
