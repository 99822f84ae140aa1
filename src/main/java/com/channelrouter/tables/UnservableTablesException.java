package com.channelrouter.tables;

import java.util.List;
import java.util.stream.Collectors;

/** The decision tables the service was asked to start with have problems, so it cannot route. */
class UnservableTablesException extends RuntimeException {

    private final String location;
    private final List<TableProblem> problems;

    public UnservableTablesException(String location, List<TableProblem> problems) {
        super("The decision tables at " + location + " cannot be served:\n  "
                + problems.stream().map(TableProblem::describe).collect(Collectors.joining("\n  ")));
        this.location = location;
        this.problems = List.copyOf(problems);
    }

    public String location() {
        return location;
    }

    public List<TableProblem> problems() {
        return problems;
    }
}
