package com.channelrouter.workitem;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Whether one deadline was met, judged at read time so no background job is needed to see a breach. */
final class SlaStatus {

    private SlaStatus() {
    }

    /**
     * True when done in time, false when done late or still not done after the deadline, null when
     * there is no such deadline or it is still open and not yet due. Deadlines are to the second, and a
     * deadline's second is still in time: a claim at 15:10:29.3 meets a deadline shown as 15:10:29.
     */
    static Boolean met(Instant dueAt, Instant doneAt, Instant now) {
        if (dueAt == null) {
            return null;
        }
        if (doneAt != null) {
            return !toTheSecond(doneAt).isAfter(dueAt);
        }
        return toTheSecond(now).isAfter(dueAt) ? Boolean.FALSE : null;
    }

    /** The instant as deadlines are kept, to the second (the list's breached filter compares the same way). */
    static Instant toTheSecond(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS);
    }
}
