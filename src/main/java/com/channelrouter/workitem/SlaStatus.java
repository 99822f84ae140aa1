package com.channelrouter.workitem;

import java.time.Instant;

/** Whether one deadline was met, judged at read time so no background job is needed to see a breach. */
final class SlaStatus {

    private SlaStatus() {
    }

    /**
     * True when done in time, false when done late or still not done after the deadline, null when
     * there is no such deadline or it is still open and not yet due.
     */
    static Boolean met(Instant dueAt, Instant doneAt, Instant now) {
        if (dueAt == null) {
            return null;
        }
        if (doneAt != null) {
            return !doneAt.isAfter(dueAt);
        }
        return now.isAfter(dueAt) ? Boolean.FALSE : null;
    }
}
