package com.channelrouter.tables;

import java.util.ArrayList;
import java.util.List;

/** Collects the errors (which block a version) and warnings (which do not) found while reading tables. */
final class TableProblems {

    private final List<TableProblem> errors = new ArrayList<>();
    private final List<TableProblem> warnings = new ArrayList<>();

    void error(TableProblem problem) {
        errors.add(problem);
    }

    void warning(TableProblem problem) {
        warnings.add(problem);
    }

    boolean hasErrors() {
        return !errors.isEmpty();
    }

    List<TableProblem> errors() {
        return List.copyOf(errors);
    }

    List<TableProblem> warnings() {
        return List.copyOf(warnings);
    }
}
