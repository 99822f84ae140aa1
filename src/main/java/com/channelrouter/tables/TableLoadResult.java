package com.channelrouter.tables;

import java.util.List;

/** The outcome of reading a set of workbooks: the tables when there were no errors, and every problem found. */
public record TableLoadResult(DecisionTables tables, List<TableProblem> problems, List<TableProblem> warnings) {

    public boolean publishable() {
        return tables != null && problems.isEmpty();
    }
}
