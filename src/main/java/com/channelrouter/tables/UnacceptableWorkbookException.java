package com.channelrouter.tables;

import java.util.List;

/**
 * An upload that is not a workbook the service accepts at all (another kind of file, macros, too large, a
 * bad name): refused with a 4xx, and nothing is stored.
 */
public class UnacceptableWorkbookException extends RuntimeException {

    private final int status;
    private final List<TableProblem> problems;

    UnacceptableWorkbookException(int status, String message, List<TableProblem> problems) {
        super(message);
        this.status = status;
        this.problems = List.copyOf(problems);
    }

    public int status() {
        return status;
    }

    public List<TableProblem> problems() {
        return problems;
    }
}
