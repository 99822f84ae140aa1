package com.channelrouter.routing;

import org.junit.jupiter.api.Test;
import org.springframework.transaction.TransactionSystemException;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** How a batch that broke off ends its answer. */
class BatchProblemsTests {

    /** Seen in a real outage: the chunk's rollback failed on the closed connection. The database is gone: 503, not 500. */
    @Test
    void aBatchCutShortByALostDatabaseSaysSo() {
        Map<String, Object> last = BatchProblems.brokenOff(21_500, new TransactionSystemException("JDBC rollback failed"));

        assertThat(last).containsEntry("brokeOffAfterLine", 21_500L).containsEntry("status", 503);
    }
}
