package com.channelrouter.sla;

import com.channelrouter.domain.SlaClock;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The deadlines of one item, counted from its arrival on its own clock, to the second. The dispatch
 * deadline exists only for items the operations centre must re-dispatch by hand. Time is counted from the
 * exact arrival and each deadline is then cut to its second: cutting the arrival first would count the
 * fraction of a second after closing time as business time (17:00:00.5 plus 60 business minutes would be
 * 18:00:00 the same day, not 09:00:00 the next working day).
 */
public record Deadlines(Instant clockStartsAt, Instant responseDueAt, Instant resolveDueAt, Instant dispatchDueAt) {

    public static Deadlines of(Instant arrivedAt, SlaTerms terms, boolean secondTransfer, BusinessCalendar calendar) {
        return new Deadlines(
                toTheSecond(calendar.clockStart(arrivedAt, terms.clock())),
                dueAfter(arrivedAt, terms.responseMinutes(), terms.clock(), calendar),
                dueAfter(arrivedAt, terms.resolveMinutes(), terms.clock(), calendar),
                secondTransfer ? dueAfter(arrivedAt, terms.dispatchMinutes(), terms.clock(), calendar) : null);
    }

    /** The deadline {@code minutes} after {@code start} on the item's clock, to the second. */
    public static Instant dueAfter(Instant start, int minutes, SlaClock clock, BusinessCalendar calendar) {
        return toTheSecond(calendar.dueAfter(start, minutes, clock));
    }

    /**
     * When {@code percent} of the time to a deadline of {@code minutes} has passed, counted from {@code start}
     * on the item's clock, to the second: 80% of 240 business minutes after Friday 17:00 is Monday 11:12.
     */
    public static Instant threshold(Instant start, int minutes, int percent, SlaClock clock, BusinessCalendar calendar) {
        long seconds = minutes * 60L * percent / 100;
        return toTheSecond(calendar.dueAfter(start, Duration.ofSeconds(seconds), clock));
    }

    private static Instant toTheSecond(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS);
    }
}
