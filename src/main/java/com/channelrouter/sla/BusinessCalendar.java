package com.channelrouter.sla;

import com.channelrouter.domain.SlaClock;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Working days and opening hours in one zone, with public holidays and make-up working days (调休),
 * as business owners keep them in the calendar workbook; counts SLA minutes on either clock.
 */
public final class BusinessCalendar {

    private static final LocalDate FIRST_PRECOMPUTED = LocalDate.of(2000, 1, 1);
    private static final long FIRST_PRECOMPUTED_EPOCH_DAY = FIRST_PRECOMPUTED.toEpochDay();
    private static final int PRECOMPUTED_DAYS = 150 * 366;

    /** Enough for a year of SLA minutes even on a calendar with few working days; a guard, not a rule. */
    private static final int MAX_DAYS_SEARCHED = 20 * 366;

    private final ZoneId zone;
    private final LocalTime opensAt;
    private final LocalTime closesAt;
    private final Set<DayOfWeek> workingWeekdays;
    private final Set<LocalDate> holidays;
    private final Set<LocalDate> makeUpWorkdays;
    private final String hoursDescription;
    /** Whether each day from {@link #FIRST_PRECOMPUTED} on is a working day, so SLA counting never hashes dates. */
    private final boolean[] workingDays;

    public BusinessCalendar(ZoneId zone, LocalTime opensAt, LocalTime closesAt, Set<DayOfWeek> workingWeekdays,
                            Set<LocalDate> holidays, Set<LocalDate> makeUpWorkdays) {
        this.zone = Objects.requireNonNull(zone);
        this.opensAt = Objects.requireNonNull(opensAt);
        this.closesAt = Objects.requireNonNull(closesAt);
        if (!opensAt.isBefore(closesAt)) {
            throw new IllegalArgumentException("opening time " + opensAt + " must be before closing time " + closesAt);
        }
        if (workingWeekdays.isEmpty()) {
            throw new IllegalArgumentException("a business calendar needs at least one working weekday");
        }
        this.workingWeekdays = Set.copyOf(workingWeekdays);
        this.holidays = Set.copyOf(holidays);
        this.makeUpWorkdays = Set.copyOf(makeUpWorkdays);
        this.hoursDescription = this.workingWeekdays.stream().sorted()
                .map(d -> d.getDisplayName(TextStyle.SHORT, Locale.ENGLISH))
                .collect(Collectors.joining(" ")) + " " + opensAt + "-" + closesAt + " " + zone.getId();
        this.workingDays = new boolean[PRECOMPUTED_DAYS];
        for (int i = 0; i < PRECOMPUTED_DAYS; i++) {
            workingDays[i] = computeWorkingDay(FIRST_PRECOMPUTED.plusDays(i));
        }
    }

    /** Monday to Friday, 09:00-18:00 in Asia/Shanghai, no holidays: the policy's default hours. */
    public static BusinessCalendar weekdaysNineToSix() {
        return new BusinessCalendar(ZoneId.of("Asia/Shanghai"), LocalTime.of(9, 0), LocalTime.of(18, 0),
                EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), Set.of(), Set.of());
    }

    public ZoneId zone() {
        return zone;
    }

    /** The years in which public holidays are listed: in the others only weekends are days off. */
    public SortedSet<Integer> yearsWithHolidays() {
        return holidays.stream().map(LocalDate::getYear).collect(Collectors.toCollection(TreeSet::new));
    }

    public boolean isWorkingDay(LocalDate date) {
        return isWorkingEpochDay(date.toEpochDay());
    }

    private boolean isWorkingEpochDay(long epochDay) {
        long index = epochDay - FIRST_PRECOMPUTED_EPOCH_DAY;
        return index >= 0 && index < PRECOMPUTED_DAYS ? workingDays[(int) index] : computeWorkingDay(LocalDate.ofEpochDay(epochDay));
    }

    private boolean computeWorkingDay(LocalDate date) {
        if (makeUpWorkdays.contains(date)) {
            return true;
        }
        return !holidays.contains(date) && workingWeekdays.contains(date.getDayOfWeek());
    }

    /** When an item arriving at {@code arrival} starts its clock: the arrival itself, or the next opening. */
    public Instant clockStart(Instant arrival, SlaClock clock) {
        return dueAfter(arrival, 0, clock);
    }

    /**
     * The instant {@code minutes} after {@code start} on the given clock. On business hours only minutes
     * inside opening hours of working days count; a deadline that lands exactly on closing time stays there.
     */
    public Instant dueAfter(Instant start, long minutes, SlaClock clock) {
        if (minutes < 0) {
            throw new IllegalArgumentException("minutes must not be negative: " + minutes);
        }
        return dueAfter(start, Duration.ofMinutes(minutes), clock);
    }

    /** As {@link #dueAfter(Instant, long, SlaClock)}, for spans that are not whole minutes (80% of 45 minutes). */
    public Instant dueAfter(Instant start, Duration span, SlaClock clock) {
        if (span.isNegative()) {
            throw new IllegalArgumentException("a span must not be negative: " + span);
        }
        if (clock == SlaClock.ROUND_THE_CLOCK) {
            return start.plus(span);
        }
        // counted in epoch days and nanoseconds of the day: this runs for every deadline of every decision
        ZonedDateTime local = start.atZone(zone);
        long day = local.toLocalDate().toEpochDay();
        long time = local.toLocalTime().toNanoOfDay();
        long opens = opensAt.toNanoOfDay();
        long closes = closesAt.toNanoOfDay();
        long remaining = span.toNanos();
        for (int searched = 0; searched < MAX_DAYS_SEARCHED; searched++) {
            if (isWorkingEpochDay(day)) {
                long from = Math.max(time, opens);
                if (from < closes) {
                    long open = closes - from;
                    if (remaining <= open) {
                        return ZonedDateTime.of(LocalDate.ofEpochDay(day), LocalTime.ofNanoOfDay(from + remaining), zone).toInstant();
                    }
                    remaining -= open;
                }
            }
            day++;
            time = 0;
        }
        throw new IllegalStateException("no working time found within " + MAX_DAYS_SEARCHED + " days of " + start);
    }

    /** For explanations: "Mon Tue Wed Thu Fri 09:00-18:00 Asia/Shanghai". */
    public String describeHours() {
        return hoursDescription;
    }
}
