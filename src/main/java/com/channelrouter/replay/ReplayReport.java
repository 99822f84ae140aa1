package com.channelrouter.replay;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The outcome of a replay: every case with what differed, the problems in the files, and rule coverage
 * per table (how many cases each row decided, and the rows no case reached, by rule id).
 */
public record ReplayReport(String tableVersion, Instant ranAt, long millis, int passed, int failed, List<CaseResult> results,
                           List<CaseFiles.Problem> problems, List<TableCoverage> coverage) {

    /** One case: passed or not, the status the API would answer, the rows that decided, and every difference. */
    public record CaseResult(String name, String where, boolean passed, int status, Integer expectStatus, String routingRule,
                             String slaRule, String refusal, List<Expectations.Difference> differences) {
    }

    /** How often each row of one table (one sheet) decided a case; rows listed in table order. */
    public record TableCoverage(String table, String sheet, Map<String, Integer> hits, List<String> unreached) {
    }

    /** The rules no case reached, as "sheet: L5, S1", for the last lines of a run. */
    public List<String> unreached() {
        return coverage.stream().filter(c -> !c.unreached().isEmpty())
                .map(c -> c.sheet() + ": " + String.join(", ", c.unreached())).toList();
    }
}
