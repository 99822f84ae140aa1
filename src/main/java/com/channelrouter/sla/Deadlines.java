package com.channelrouter.sla;

import com.channelrouter.domain.SlaClock;

import java.time.Duration;
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

    /**
     * When {@code percent} of the time to a deadline of {@code minutes} has passed, counted from {@code start}
     * on the item's clock, to the second: 80% of 240 business minutes after Friday 17:00 is Monday 11:12.
     */
    public static Instant threshold(Instant start, int minutes, int percent, SlaClock clock, BusinessCalendar calendar) {
        long seconds = minutes * 60L * percent / 100;
        return calendar.dueAfter(start.truncatedTo(ChronoUnit.SECONDS), Duration.ofSeconds(seconds), clock);
    }
}
