package com.channelrouter.sla;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The deadlines of one item, counted from its arrival on its own clock, to the second. The dispatch
 * deadline exists only for items the operations centre must re-dispatch by hand.
 */
public record Deadlines(Instant clockStartsAt, Instant responseDueAt, Instant resolveDueAt, Instant dispatchDueAt) {

    public static Deadlines of(Instant arrivedAt, SlaTerms terms, boolean secondTransfer, BusinessCalendar calendar) {
        Instant start = arrivedAt.truncatedTo(ChronoUnit.SECONDS);
        return new Deadlines(
                calendar.clockStart(start, terms.clock()),
                calendar.dueAfter(start, terms.responseMinutes(), terms.clock()),
                calendar.dueAfter(start, terms.resolveMinutes(), terms.clock()),
                secondTransfer ? calendar.dueAfter(start, terms.dispatchMinutes(), terms.clock()) : null);
    }
}
