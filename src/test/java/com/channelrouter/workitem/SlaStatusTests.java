package com.channelrouter.workitem;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** A deadline is shown to the second; everything within that second is still in time. */
class SlaStatusTests {

    private static final Instant DUE = Instant.parse("2026-12-05T15:10:29Z");

    @Test
    void doneWithinTheDeadlinesSecondIsMetAndTheSecondAfterIsLate() {
        assertThat(SlaStatus.met(DUE, Instant.parse("2026-12-05T15:10:29.300Z"), DUE.plusSeconds(60))).isTrue();
        assertThat(SlaStatus.met(DUE, Instant.parse("2026-12-05T15:10:29.999999Z"), DUE.plusSeconds(60))).isTrue();
        assertThat(SlaStatus.met(DUE, Instant.parse("2026-12-05T15:10:30Z"), DUE.plusSeconds(60))).isFalse();
    }

    @Test
    void notDoneIsLateOnlyOnceTheDeadlinesSecondIsOver() {
        assertThat(SlaStatus.met(DUE, null, Instant.parse("2026-12-05T15:10:29.900Z"))).isNull();
        assertThat(SlaStatus.met(DUE, null, Instant.parse("2026-12-05T15:10:30Z"))).isFalse();
        assertThat(SlaStatus.met(null, null, DUE)).isNull();
    }
}
