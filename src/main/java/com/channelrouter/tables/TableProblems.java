package com.channelrouter.tables;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What reading one set of workbooks found: the errors (which block a version), the warnings (which do
 * not), and the rule ids seen so far, which must be unique across the whole set.
 */
final class TableProblems {

    /**
     * Problems listed of each kind: an upload is untrusted, and a small file can hold a million bad cells, each
     * a problem (and all of them in the report, in memory at once). Nobody reads past the first few hundred.
     */
    static final int MAX_LISTED = 500;

    private final Set<String> strictlyChecked;
    private final List<TableProblem> errors = new ArrayList<>();
    private final List<TableProblem> warnings = new ArrayList<>();
    private final Map<String, String> ruleIds = new HashMap<>();
    private boolean errorsLeftOut;
    private boolean warningsLeftOut;

    TableProblems() {
        this(Set.of());
    }

    /** {@code strictlyChecked}: the workbooks (an upload's) that rules added since others were published apply to. */
    TableProblems(Set<String> strictlyChecked) {
        this.strictlyChecked = Set.copyOf(strictlyChecked);
    }

    /** Whether the workbook is checked by every rule, as an upload is (not one published, or loaded, before). */
    boolean strictlyChecked(String workbook) {
        return strictlyChecked.contains(workbook);
    }

    /**
     * A problem found by a rule added after versions were published under the rules before: an error in a workbook
     * checked strictly (an upload), a warning in one published or loaded before, so that a version that served
     * still serves after an upgrade (at start, on rollback, on another instance).
     */
    void newRuleProblem(TableProblem problem) {
        if (strictlyChecked(problem.workbook())) {
            error(problem);
        } else {
            warning(problem);
        }
    }

    /** Records where a rule id is used; returns where it was used before, if it was. */
    Optional<String> claimRuleId(String ruleId, String where) {
        return Optional.ofNullable(ruleIds.putIfAbsent(ruleId.toUpperCase(Locale.ROOT), where));
    }

    void error(TableProblem problem) {
        if (errors.size() < MAX_LISTED) {
            errors.add(problem);
        } else {
            errorsLeftOut = true;
        }
    }

    void warning(TableProblem problem) {
        if (warnings.size() < MAX_LISTED) {
            warnings.add(problem);
        } else {
            warningsLeftOut = true;
        }
    }

    /** True once no more errors are listed: a reader may stop looking for more (and say so, {@link #stoppedLooking}). */
    boolean errorsFull() {
        return errors.size() >= MAX_LISTED;
    }

    /** A reader stopped once the list was full: there may be more errors than are listed. */
    void stoppedLooking() {
        errorsLeftOut = true;
    }

    boolean hasErrors() {
        return !errors.isEmpty();
    }

    List<TableProblem> errors() {
        return listed(errors, errorsLeftOut, "problems", "问题");
    }

    List<TableProblem> warnings() {
        return listed(warnings, warningsLeftOut, "warnings", "警告");
    }

    private static List<TableProblem> listed(List<TableProblem> problems, boolean leftOut, String kind, String kindZh) {
        if (!leftOut) {
            return List.copyOf(problems);
        }
        List<TableProblem> listed = new ArrayList<>(problems);
        listed.add(new TableProblem(null, null, null, null, null, null,
                "There may be more " + kind + " than the " + MAX_LISTED + " listed; fix these and upload again to see the rest.",
                kindZh + "可能超过 " + MAX_LISTED + " 条，仅列出前 " + MAX_LISTED + " 条；请先修改这些后重新上传以查看其余" + kindZh + "。"));
        return List.copyOf(listed);
    }
}
