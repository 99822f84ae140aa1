package com.channelrouter.tables;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What reading one set of workbooks found: the errors (which block a version), the warnings (which do
 * not), and the rule ids seen so far, which must be unique across the whole set.
 */
final class TableProblems {

    private final List<TableProblem> errors = new ArrayList<>();
    private final List<TableProblem> warnings = new ArrayList<>();
    private final Map<String, String> ruleIds = new HashMap<>();

    /** Records where a rule id is used; returns where it was used before, if it was. */
    Optional<String> claimRuleId(String ruleId, String where) {
        return Optional.ofNullable(ruleIds.putIfAbsent(ruleId.toUpperCase(Locale.ROOT), where));
    }

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
