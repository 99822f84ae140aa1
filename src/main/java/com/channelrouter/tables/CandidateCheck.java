package com.channelrouter.tables;

import java.util.List;

/**
 * A check a candidate version must pass to be publishable, beyond reading and compiling its sheets, such
 * as the test cases kept in its own Tests sheet. Implemented by the features that know how to run them.
 */
public interface CandidateCheck {

    /** Runs against a compiled candidate; problems block publishing, the summary goes into the version's report. */
    Result check(DecisionTables candidate);

    /** What a check found: a summary for the report, and the problems that block publishing. */
    record Result(String name, Object summary, List<TableProblem> problems) {
    }
}
