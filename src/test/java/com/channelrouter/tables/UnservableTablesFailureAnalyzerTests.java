package com.channelrouter.tables;

import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A failed start over bad tables reads like the problem list a business owner gets, not a stack trace. */
class UnservableTablesFailureAnalyzerTests {

    @Test
    void describesEveryProblemByCellInBothLanguages() {
        TableProblem typo = new TableProblem("routing.xlsx", "Routing LEAD", "I5", 5, "Owner channel", "ACOUNT_MANAGER",
                "\"ACOUNT_MANAGER\" is not a channel. Did you mean ACCOUNT_MANAGER?", "“ACOUNT_MANAGER”不是有效的渠道。");
        UnservableTablesException failure = new UnservableTablesException("file:/srv/tables/*.xlsx", List.of(typo));

        FailureAnalysis analysis = new UnservableTablesFailureAnalyzer().analyze(new IllegalStateException(failure));

        assertThat(analysis.getDescription())
                .contains("file:/srv/tables/*.xlsx")
                .contains("Routing LEAD!I5 (Owner channel): \"ACOUNT_MANAGER\" is not a channel. Did you mean ACCOUNT_MANAGER?")
                .contains("不是有效的渠道");
        assertThat(analysis.getAction()).contains("channel-router.tables.location");
    }
}
