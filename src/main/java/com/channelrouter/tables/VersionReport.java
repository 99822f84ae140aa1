package com.channelrouter.tables;

import java.util.List;

/**
 * Everything the service found when it read a version: problems (which block publishing), warnings,
 * the analysis of gaps and dead rows, and the results of the candidate checks such as workbook tests.
 */
public record VersionReport(List<TableProblem> problems, List<TableProblem> warnings, TableAnalysis.Report analysis,
                            List<CandidateCheck.Result> checks) {

    public boolean publishable() {
        return problems.isEmpty();
    }
}
