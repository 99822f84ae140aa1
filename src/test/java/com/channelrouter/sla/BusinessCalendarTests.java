package com.channelrouter.sla;

import com.channelrouter.domain.SlaClock;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Set;

import static com.channelrouter.domain.SlaClock.BUSINESS_HOURS;
import static com.channelrouter.domain.SlaClock.ROUND_THE_CLOCK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Counting SLA minutes on business hours (Mon-Fri 09:00-18:00 Asia/Shanghai, minus holidays, plus make-up days)
 * and round the clock. Every expected value is a UTC instant; the comment beside it gives the Shanghai time (UTC+8).
 * Reference weeks: 2026-11-16 (Mon) to 2026-11-27 (Fri), and National Day 2026 (Thu 10-01 to Wed 10-07 off,
 * Sun 09-20 and Sat 10-10 worked).
 */
class BusinessCalendarTests {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private static final BusinessCalendar WEEKDAYS = BusinessCalendar.weekdaysNineToSix();

    /** S4: ALERT class A/B, with the operations centre's 60-minute dispatch. */
    private static final SlaTerms ALERT_A = new SlaTerms(BUSINESS_HOURS, 240, 2880, 60);

    /** S5: ALERT of other classes. */
    private static final SlaTerms ALERT_OTHER = new SlaTerms(BUSINESS_HOURS, 480, 4320, 60);

    /** S3: any FAULT, 24x7. */
    private static final SlaTerms FAULT = new SlaTerms(ROUND_THE_CLOCK, 120, 1440, 60);

    private static BusinessCalendar calendar(Set<LocalDate> holidays, Set<LocalDate> makeUpWorkdays) {
        return new BusinessCalendar(SHANGHAI, LocalTime.of(9, 0), LocalTime.of(18, 0),
                EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), holidays, makeUpWorkdays);
    }

    /** National Day 2026: 10-01..10-07 off, Sunday 09-20 and Saturday 10-10 worked; also New Year's Day 2026. */
    private static BusinessCalendar nationalDay2026() {
        Set<LocalDate> holidays = Set.of(LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 2), LocalDate.of(2026, 10, 3),
                LocalDate.of(2026, 10, 4), LocalDate.of(2026, 10, 5), LocalDate.of(2026, 10, 6),
                LocalDate.of(2026, 10, 7));
        return calendar(holidays, Set.of(LocalDate.of(2026, 9, 20), LocalDate.of(2026, 10, 10)));
    }

    // --- the example of DOMAIN.md ---

    @Test
    void alertArrivingFridayFiveInTheAfternoonIsDueMondayNoon() {
        Instant arrival = Instant.parse("2026-11-20T09:00:00Z"); // Fri 17:00 Shanghai

        assertThat(WEEKDAYS.dueAfter(arrival, 240, BUSINESS_HOURS))
                .isEqualTo(Instant.parse("2026-11-23T04:00:00Z")); // Mon 12:00
    }

    // --- closing and opening times ---

    @Test
    void deadlineOnClosingTimeStaysAtClosingTime() {
        Instant arrival = Instant.parse("2026-11-18T02:00:00Z"); // Wed 10:00

        assertThat(WEEKDAYS.dueAfter(arrival, 480, BUSINESS_HOURS))
                .isEqualTo(Instant.parse("2026-11-18T10:00:00Z")); // Wed 18:00, not Thu 09:00
    }

    @Test
    void deadlineOnClosingTimeAfterOvernightCarryStaysAtClosingTime() {
        Instant arrival = Instant.parse("2026-11-17T09:00:00Z"); // Tue 17:00: 60 min Tue + 540 min Wed

        assertThat(WEEKDAYS.dueAfter(arrival, 600, BUSINESS_HOURS))
                .isEqualTo(Instant.parse("2026-11-18T10:00:00Z")); // Wed 18:00
    }

    @Test
    void deadlineOnFridayClosingTimeStaysOnFriday() {
        Instant arrival = Instant.parse("2026-11-20T01:00:00Z"); // Fri 09:00

        assertThat(WEEKDAYS.dueAfter(arrival, 540, BUSINESS_HOURS))
                .isEqualTo(Instant.parse("2026-11-20T10:00:00Z")); // Fri 18:00, not Mon 09:00
    }

    @Test
    void arrivalExactlyAtOpeningStartsClockImmediately() {
        Instant arrival = Instant.parse("2026-11-18T01:00:00Z"); // Wed 09:00

        assertThat(WEEKDAYS.clockStart(arrival, BUSINESS_HOURS)).isEqualTo(arrival);
        assertThat(WEEKDAYS.dueAfter(arrival, 60, BUSINESS_HOURS))
                .isEqualTo(Instant.parse("2026-11-18T02:00:00Z")); // Wed 10:00
        assertThat(WEEKDAYS.dueAfter(arrival, 540, BUSINESS_HOURS))
                .isEqualTo(Instant.parse("2026-11-18T10:00:00Z")); // Wed 18:00, the whole day
    }

    @Test
    void arrivalExactlyAtClosingStartsClockAtNextOpening() {
        Instant arrival = Instant.parse("2026-11-18T10:00:00Z"); // Wed 18:00

        assertThat(WEEKDAYS.clockStart(arrival, BUSINESS_HOURS))
                .isEqualTo(Instant.parse("2026-11-19T01:00:00Z")); // Thu 09:00
        assertThat(WEEKDAYS.dueAfter(arrival, 60, BUSINESS_HOURS))
                .isEqualTo(Instant.parse("2026-11-19T02:00:00Z")); // Thu 10:00
    }

    @Test
    void arrivalExactlyAtFridayClosingStartsClockMondayOpening() {
        Instant arrival = Instant.parse("2026-11-20T10:00:00Z"); // Fri 18:00

        assertThat(WEEKDAYS.clockStart(arrival, BUSINESS_HOURS))
                .isEqualTo(Instant.parse("2026-11-23T01:00:00Z")); // Mon 09:00
    }

    @Test
    void arrivalOneSecondBeforeClosingCountsThatSecond() {
        Instant arrival = Instant.parse("2026-11-18T09:59:59Z"); // Wed 17:59:59

        assertThat(WEEKDAYS.clockStart(arrival, BUSINESS_HOURS)).isEqualTo(arrival);
        assertThat(WEEKDAYS.dueAfter(arrival, 0, BUSINESS_HOURS)).isEqualTo(arrival);
        assertThat(WEEKDAYS.dueAfter(arrival, 1, BUSINESS_HOURS))
                .isEqualTo(Instant.parse("2026-11-19T01:00:59Z")); // Thu 09:00:59 (1 s Wed + 59 s Thu)
    }

    @Test
    void arrivalWithSecondsCarriesTheRemainingSecondsToNextDay() {
        Instant arrival = Instant.parse("2026-11-18T09:59:30Z"); // Wed 17:59:30

        assertThat(WEEKDAYS.dueAfter(arrival, 1, BUSINESS_HOURS))
                .isEqualTo(Instant.parse("2026-11-19T01:00:30Z")); // Thu 09:00:30
    }

    @Test
    void subSecondArrivalKeepsItsFractionAcrossClosing() {
        Instant arrival = Instant.parse("2026-11-18T09:59:30.5Z"); // Wed 17:59:30.5

        assertThat(WEEKDAYS.dueAfter(arrival, 1, BUSINESS_HOURS))
                .isEqualTo(Instant.parse("2026-11-19T01:00:30.5Z")); // Thu 09:00:30.5
    }

    @Test
    void arrivalWithSecondsKeepsItsSecondsInsideTheDay() {
        Instant arrival = Instant.parse("2026-11-18T02:14:37Z"); // Wed 10:14:37

        assertThat(WEEKDAYS.dueAfter(arrival, 60, BUSINESS_HOURS))
                .isEqualTo(Instant.parse("2026-11-18T03:14:37Z")); // Wed 11:14:37
    }

    // --- carrying over nights and weekends ---

    @Test
    void overnightCarryContinuesAtNextOpening() {
        Instant arrival = Instant.parse("2026-11-18T08:00:00Z"); // Wed 16:00: 120 min Wed + 120 min Thu

        assertThat(WEEKDAYS.dueAfter(arrival, 240, BUSINESS_HOURS))
                .isEqualTo(Instant.parse("2026-11-19T03:00:00Z")); // Thu 11:00
    }

    @Test
    void arrivalBeforeOpeningStartsClockAtOpening() {
        Instant arrival = Instant.parse("2026-11-17T23:30:00Z"); // Wed 07:30

        assertThat(WEEKDAYS.clockStart(arrival, BUSINESS_HOURS))
                .isEqualTo(Instant.parse("2026-11-18T01:00:00Z")); // Wed 09:00
        assertThat(WEEKDAYS.dueAfter(arrival, 60, BUSINESS_HOURS))
                .isEqualTo(Instant.parse("2026-11-18T02:00:00Z")); // Wed 10:00
    }

    @Test
    void arrivalJustAfterLocalMidnightStartsClockAtThatMorningsOpening() {
        // 16:00:01 UTC is still Tuesday in UTC but already Wednesday 00:00:01 in Shanghai.
        Instant arrival = Instant.parse("2026-11-17T16:00:01Z"); // Wed 00:00:01

        assertThat(WEEKDAYS.clockStart(arrival, BUSINESS_HOURS))
                .isEqualTo(Instant.parse("2026-11-18T01:00:00Z")); // Wed 09:00
    }

    @Test
    void arrivalAfterClosingStartsClockAtNextMorningsOpening() {
        Instant arrival = Instant.parse("2026-11-18T13:45:00Z"); // Wed 21:45

        assertThat(WEEKDAYS.clockStart(arrival, BUSINESS_HOURS))
                .isEqualTo(Instant.parse("2026-11-19T01:00:00Z")); // Thu 09:00
        assertThat(WEEKDAYS.dueAfter(arrival, 240, BUSINESS_HOURS))
                .isEqualTo(Instant.parse("2026-11-19T05:00:00Z")); // Thu 13:00
    }

    @Test
    void weekendArrivalStartsClockMondayOpening() {
        Instant saturday = Instant.parse("2026-11-21T06:00:00Z"); // Sat 14:00
        Instant lateSunday = Instant.parse("2026-11-22T15:59:59Z"); // Sun 23:59:59

        assertThat(WEEKDAYS.clockStart(saturday, BUSINESS_HOURS))
                .isEqualTo(Instant.parse("2026-11-23T01:00:00Z")); // Mon 09:00
        assertThat(WEEKDAYS.clockStart(lateSunday, BUSINESS_HOURS))
                .isEqualTo(Instant.parse("2026-11-23T01:00:00Z")); // Mon 09:00
        assertThat(WEEKDAYS.dueAfter(saturday, 240, BUSINESS_HOURS))
                .isEqualTo(Instant.parse("2026-11-23T05:00:00Z")); // Mon 13:00
    }

    @Test
    void fridayEveningCarriesToMonday() {
        Instant arrival = Instant.parse("2026-11-20T09:30:00Z"); // Fri 17:30: 30 min Fri + 90 min Mon

        assertThat(WEEKDAYS.dueAfter(arrival, 120, BUSINESS_HOURS))
                .isEqualTo(Instant.parse("2026-11-23T02:30:00Z")); // Mon 10:30
    }

    @Test
    void fridayNightArrivalStartsOnMondayNotSaturday() {
        Instant arrival = Instant.parse("2026-11-20T12:00:00Z"); // Fri 20:00

        assertThat(WEEKDAYS.dueAfter(arrival, 480, BUSINESS_HOURS))
                .isEqualTo(Instant.parse("2026-11-23T09:00:00Z")); // Mon 17:00
    }

    // --- holidays and make-up working days ---

    @Test
    void publicHolidayInsideSpanIsSkipped() {
        BusinessCalendar thursdayOff = calendar(Set.of(LocalDate.of(2026, 11, 19)), Set.of());
        Instant arrival = Instant.parse("2026-11-18T08:00:00Z"); // Wed 16:00: 120 min Wed, Thu off, 120 min Fri

        assertThat(thursdayOff.dueAfter(arrival, 240, BUSINESS_HOURS))
                .isEqualTo(Instant.parse("2026-11-20T03:00:00Z")); // Fri 11:00
        // the same span without the holiday ends a day earlier
        assertThat(WEEKDAYS.dueAfter(arrival, 240, BUSINESS_HOURS))
                .isEqualTo(Instant.parse("2026-11-19T03:00:00Z")); // Thu 11:00
    }

    @Test
    void arrivalOnPublicHolidayStartsClockAtNextWorkingDaysOpening() {
        BusinessCalendar thursdayOff = calendar(Set.of(LocalDate.of(2026, 11, 19)), Set.of());
        Instant arrival = Instant.parse("2026-11-19T03:00:00Z"); // Thu 11:00, a holiday

        assertThat(thursdayOff.clockStart(arrival, BUSINESS_HOURS))
                .isEqualTo(Instant.parse("2026-11-20T01:00:00Z")); // Fri 09:00
    }

    @Test
    void holidayOnMondayExtendsWeekendCarryToTuesday() {
        BusinessCalendar mondayOff = calendar(Set.of(LocalDate.of(2026, 11, 23)), Set.of());
        Instant arrival = Instant.parse("2026-11-20T09:00:00Z"); // Fri 17:00: 60 min Fri, Mon off, 180 min Tue

        assertThat(mondayOff.dueAfter(arrival, 240, BUSINESS_HOURS))
                .isEqualTo(Instant.parse("2026-11-24T04:00:00Z")); // Tue 12:00
    }

    @Test
    void runOfNationalDayHolidaysIsSkippedAsAWhole() {
        Instant arrival = Instant.parse("2026-09-30T09:00:00Z"); // Wed 17:00, the eve of National Day

        // 60 min Wed, Thu 10-01..Wed 10-07 off, 180 min Thu 10-08
        assertThat(nationalDay2026().dueAfter(arrival, 240, BUSINESS_HOURS))
                .isEqualTo(Instant.parse("2026-10-08T04:00:00Z")); // Thu 10-08 12:00
    }

    @Test
    void runOfNationalDayHolidaysWithMakeUpSaturdayInsideLongSpan() {
        Instant arrival = Instant.parse("2026-09-30T09:00:00Z"); // Wed 17:00

        // 60 Wed + 540 each Thu 10-08, Fri 10-09, Sat 10-10 (make-up), Mon 10-12, Tue 10-13 = 2760; 120 Wed 10-14
        assertThat(nationalDay2026().dueAfter(arrival, 2880, BUSINESS_HOURS))
                .isEqualTo(Instant.parse("2026-10-14T03:00:00Z")); // Wed 10-14 11:00
    }

    @Test
    void arrivalInsideNationalDayStartsClockWhenHolidaysEnd() {
        Instant arrival = Instant.parse("2026-10-03T02:00:00Z"); // Sat 10-03 10:00, holiday

        assertThat(nationalDay2026().clockStart(arrival, BUSINESS_HOURS))
                .isEqualTo(Instant.parse("2026-10-08T01:00:00Z")); // Thu 10-08 09:00
    }

    @Test
    void holidayIsJudgedByTheShanghaiDateNotTheUtcDate() {
        // 16:30 UTC on 09-30 is already 00:30 on 10-01 in Shanghai: a holiday.
        Instant arrival = Instant.parse("2026-09-30T16:30:00Z"); // Thu 10-01 00:30

        assertThat(nationalDay2026().clockStart(arrival, BUSINESS_HOURS))
                .isEqualTo(Instant.parse("2026-10-08T01:00:00Z")); // Thu 10-08 09:00
    }

    @Test
    void makeUpSaturdayCountsAsWorkingDay() {
        Instant arrival = Instant.parse("2026-10-09T09:00:00Z"); // Fri 10-09 17:00: 60 min Fri + 180 min Sat

        assertThat(nationalDay2026().dueAfter(arrival, 240, BUSINESS_HOURS))
                .isEqualTo(Instant.parse("2026-10-10T04:00:00Z")); // Sat 10-10 12:00
        // on the plain calendar the same Saturday is a day off
        assertThat(WEEKDAYS.dueAfter(arrival, 240, BUSINESS_HOURS))
                .isEqualTo(Instant.parse("2026-10-12T04:00:00Z")); // Mon 10-12 12:00
    }

    @Test
    void arrivalBeforeOpeningOnMakeUpSaturdayStartsClockThatMorning() {
        Instant arrival = Instant.parse("2026-10-10T00:00:00Z"); // Sat 10-10 08:00, make-up day

        assertThat(nationalDay2026().clockStart(arrival, BUSINESS_HOURS))
                .isEqualTo(Instant.parse("2026-10-10T01:00:00Z")); // Sat 10-10 09:00
    }

    @Test
    void makeUpSundayCountsAsWorkingDay() {
        Instant arrival = Instant.parse("2026-09-19T04:00:00Z"); // Sat 09-19 12:00, an ordinary weekend day

        assertThat(nationalDay2026().clockStart(arrival, BUSINESS_HOURS))
                .isEqualTo(Instant.parse("2026-09-20T01:00:00Z")); // Sun 09-20 09:00, make-up day
        assertThat(nationalDay2026().dueAfter(arrival, 540, BUSINESS_HOURS))
                .isEqualTo(Instant.parse("2026-09-20T10:00:00Z")); // Sun 09-20 18:00
    }

    @Test
    void yearNotListedHasOnlyWeekendsOff() {
        BusinessCalendar calendar = nationalDay2026();
        Instant arrival = Instant.parse("2027-09-30T09:00:00Z"); // Thu 2027-09-30 17:00

        // 2027-10-01 is a Friday and, with 2027 not listed, an ordinary working day: 60 min Thu + 180 min Fri
        assertThat(calendar.dueAfter(arrival, 240, BUSINESS_HOURS))
                .isEqualTo(Instant.parse("2027-10-01T04:00:00Z")); // Fri 2027-10-01 12:00
        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 1, 1))).isTrue(); // Friday
        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 10, 7))).isTrue(); // Thursday
        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 10, 2))).isFalse(); // Saturday
        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 10, 10))).isFalse(); // Sunday
    }

    // --- long spans ---

    @Test
    void multiDaySpanOf2880BusinessMinutesFromOpening() {
        Instant arrival = Instant.parse("2026-11-16T01:00:00Z"); // Mon 09:00: 5 x 540 = 2700, then 180 min

        assertThat(WEEKDAYS.dueAfter(arrival, 2880, BUSINESS_HOURS))
                .isEqualTo(Instant.parse("2026-11-23T04:00:00Z")); // next Mon 12:00
    }

    @Test
    void multiDaySpanOf2880BusinessMinutesFromMidAfternoon() {
        Instant arrival = Instant.parse("2026-11-17T06:00:00Z"); // Tue 14:00: 240 Tue + 4 x 540 + 480

        assertThat(WEEKDAYS.dueAfter(arrival, 2880, BUSINESS_HOURS))
                .isEqualTo(Instant.parse("2026-11-24T09:00:00Z")); // next Tue 17:00
    }

    @Test
    void multiDaySpanOf4320BusinessMinutesEndsAtClosingTime() {
        Instant arrival = Instant.parse("2026-11-16T01:00:00Z"); // Mon 09:00: exactly 8 x 540

        assertThat(WEEKDAYS.dueAfter(arrival, 4320, BUSINESS_HOURS))
                .isEqualTo(Instant.parse("2026-11-25T10:00:00Z")); // Wed 11-25 18:00
    }

    @Test
    void multiDaySpanOf4320BusinessMinutesFromMidAfternoon() {
        Instant arrival = Instant.parse("2026-11-17T06:00:00Z"); // Tue 14:00: 240 Tue + 7 x 540 + 300

        assertThat(WEEKDAYS.dueAfter(arrival, 4320, BUSINESS_HOURS))
                .isEqualTo(Instant.parse("2026-11-27T06:00:00Z")); // Fri 11-27 14:00
    }

    // --- Deadlines: truncation, offsets, dispatch ---

    @Test
    void deadlinesTruncateSubSecondArrivalToTheSecond() {
        Instant arrival = Instant.parse("2026-11-18T02:00:00.999Z"); // Wed 10:00:00.999

        Deadlines deadlines = Deadlines.of(arrival, ALERT_A, true, WEEKDAYS);

        assertThat(deadlines.clockStartsAt()).isEqualTo(Instant.parse("2026-11-18T02:00:00Z")); // Wed 10:00:00
        assertThat(deadlines.responseDueAt()).isEqualTo(Instant.parse("2026-11-18T06:00:00Z")); // Wed 14:00
        // 480 Wed + 4 x 540 (Thu, Fri, Mon, Tue) + 240
        assertThat(deadlines.resolveDueAt()).isEqualTo(Instant.parse("2026-11-25T05:00:00Z")); // Wed 11-25 13:00
        assertThat(deadlines.dispatchDueAt()).isEqualTo(Instant.parse("2026-11-18T03:00:00Z")); // Wed 11:00
    }

    @Test
    void deadlinesTruncateSubSecondArrivalJustBeforeClosing() {
        Instant arrival = Instant.parse("2026-11-18T09:59:59.999999999Z"); // Wed 17:59:59.999999999

        Deadlines deadlines = Deadlines.of(arrival, new SlaTerms(BUSINESS_HOURS, 1, 2, 60), false, WEEKDAYS);

        assertThat(deadlines.clockStartsAt()).isEqualTo(Instant.parse("2026-11-18T09:59:59Z")); // Wed 17:59:59
        assertThat(deadlines.responseDueAt()).isEqualTo(Instant.parse("2026-11-19T01:00:59Z")); // Thu 09:00:59
        assertThat(deadlines.resolveDueAt()).isEqualTo(Instant.parse("2026-11-19T01:01:59Z")); // Thu 09:01:59
    }

    @Test
    void fractionOfASecondAfterClosingIsNotBusinessTime() {
        Instant arrival = Instant.parse("2026-11-19T09:00:00.500Z"); // Thu 17:00:00.5

        Deadlines deadlines = Deadlines.of(arrival, ALERT_A, true, WEEKDAYS);

        // 59:59.5 on Thursday, the last half second Friday 09:00:00.5: cut to its second, not Thursday 18:00:00
        assertThat(deadlines.dispatchDueAt()).isEqualTo(Instant.parse("2026-11-20T01:00:00Z")); // Fri 09:00:00
        assertThat(deadlines.clockStartsAt()).isEqualTo(Instant.parse("2026-11-19T09:00:00Z")); // Thu 17:00:00
        assertThat(deadlines.responseDueAt()).isEqualTo(Instant.parse("2026-11-20T04:00:00Z")); // Fri 12:00:00
        assertThat(Deadlines.threshold(arrival, 60, 100, BUSINESS_HOURS, WEEKDAYS))
                .isEqualTo(Instant.parse("2026-11-20T01:00:00Z")); // the escalation step at 100% with it
    }

    @Test
    void deadlinesTruncateSubSecondArrivalOnRoundTheClock() {
        Instant arrival = Instant.parse("2026-11-18T15:30:00.500Z"); // Wed 23:30:00.5

        Deadlines deadlines = Deadlines.of(arrival, FAULT, true, WEEKDAYS);

        assertThat(deadlines.clockStartsAt()).isEqualTo(Instant.parse("2026-11-18T15:30:00Z")); // Wed 23:30
        assertThat(deadlines.responseDueAt()).isEqualTo(Instant.parse("2026-11-18T17:30:00Z")); // Thu 01:30
        assertThat(deadlines.resolveDueAt()).isEqualTo(Instant.parse("2026-11-19T15:30:00Z")); // Thu 23:30
        assertThat(deadlines.dispatchDueAt()).isEqualTo(Instant.parse("2026-11-18T16:30:00Z")); // Thu 00:30
    }

    @Test
    void arrivalFromOffsetStringGivesSameDeadlinesAsUtcForm() {
        Instant fromOffset = OffsetDateTime.parse("2026-11-20T09:15:00+08:00").toInstant();
        Instant fromOtherOffset = OffsetDateTime.parse("2026-11-20T02:15:00+01:00").toInstant();
        Instant fromUtc = Instant.parse("2026-11-20T01:15:00Z"); // Fri 09:15

        Deadlines expected = new Deadlines(
                Instant.parse("2026-11-20T01:15:00Z"), // Fri 09:15
                Instant.parse("2026-11-20T05:15:00Z"), // Fri 13:15
                Instant.parse("2026-11-27T04:15:00Z"), // Fri 11-27 12:15: 525 Fri + 4 x 540 + 195
                Instant.parse("2026-11-20T02:15:00Z")); // Fri 10:15
        assertThat(Deadlines.of(fromUtc, ALERT_A, true, WEEKDAYS)).isEqualTo(expected);
        assertThat(Deadlines.of(fromOffset, ALERT_A, true, WEEKDAYS)).isEqualTo(expected);
        assertThat(Deadlines.of(fromOtherOffset, ALERT_A, true, WEEKDAYS)).isEqualTo(expected);
    }

    @Test
    void dispatchDeadlineIsNullWithoutSecondTransfer() {
        Instant arrival = Instant.parse("2026-11-18T02:00:00Z"); // Wed 10:00

        assertThat(Deadlines.of(arrival, ALERT_A, false, WEEKDAYS).dispatchDueAt()).isNull();
        assertThat(Deadlines.of(arrival, FAULT, false, WEEKDAYS).dispatchDueAt()).isNull();
    }

    @Test
    void dispatchDeadlineIsSixtyBusinessMinutesWithSecondTransfer() {
        Instant arrival = Instant.parse("2026-11-20T09:30:00Z"); // Fri 17:30: 30 min Fri + 30 min Mon

        Deadlines deadlines = Deadlines.of(arrival, ALERT_A, true, WEEKDAYS);

        assertThat(deadlines.dispatchDueAt()).isEqualTo(Instant.parse("2026-11-23T01:30:00Z")); // Mon 09:30
    }

    @Test
    void dispatchDeadlineIsSixtyMinutesRoundTheClockForARoundTheClockItem() {
        Instant arrival = Instant.parse("2026-11-20T09:30:00Z"); // Fri 17:30

        Deadlines deadlines = Deadlines.of(arrival, FAULT, true, WEEKDAYS);

        assertThat(deadlines.dispatchDueAt()).isEqualTo(Instant.parse("2026-11-20T10:30:00Z")); // Fri 18:30
    }

    @Test
    void dispatchDeadlineCountsFromTheNextOpeningForAWeekendArrival() {
        Instant arrival = Instant.parse("2026-11-21T06:00:00Z"); // Sat 14:00

        Deadlines deadlines = Deadlines.of(arrival, ALERT_A, true, WEEKDAYS);

        assertThat(deadlines.clockStartsAt()).isEqualTo(Instant.parse("2026-11-23T01:00:00Z")); // Mon 09:00
        assertThat(deadlines.dispatchDueAt()).isEqualTo(Instant.parse("2026-11-23T02:00:00Z")); // Mon 10:00
        assertThat(deadlines.responseDueAt()).isEqualTo(Instant.parse("2026-11-23T05:00:00Z")); // Mon 13:00
    }

    // --- round the clock ---

    @Test
    void roundTheClockAcrossMidnightJustAddsMinutes() {
        Instant arrival = Instant.parse("2026-11-18T15:30:00Z"); // Wed 23:30

        assertThat(WEEKDAYS.clockStart(arrival, ROUND_THE_CLOCK)).isEqualTo(arrival);
        assertThat(WEEKDAYS.dueAfter(arrival, 120, ROUND_THE_CLOCK))
                .isEqualTo(Instant.parse("2026-11-18T17:30:00Z")); // Thu 01:30
    }

    @Test
    void roundTheClockIgnoresWeekends() {
        Instant arrival = Instant.parse("2026-11-21T06:00:00Z"); // Sat 14:00

        assertThat(WEEKDAYS.clockStart(arrival, ROUND_THE_CLOCK)).isEqualTo(arrival);
        assertThat(WEEKDAYS.dueAfter(arrival, 1440, ROUND_THE_CLOCK))
                .isEqualTo(Instant.parse("2026-11-22T06:00:00Z")); // Sun 14:00
    }

    @Test
    void roundTheClockIgnoresHolidays() {
        Instant arrival = Instant.parse("2026-09-30T14:00:00Z"); // Wed 22:00, the eve of National Day

        assertThat(nationalDay2026().dueAfter(arrival, 1440, ROUND_THE_CLOCK))
                .isEqualTo(Instant.parse("2026-10-01T14:00:00Z")); // Thu 10-01 22:00, a holiday
        assertThat(nationalDay2026().dueAfter(arrival, 7 * 1440, ROUND_THE_CLOCK))
                .isEqualTo(Instant.parse("2026-10-07T14:00:00Z")); // Wed 10-07 22:00
    }

    // --- zero and negative minutes ---

    @Test
    void zeroMinutesIsTheClockStart() {
        Instant inHours = Instant.parse("2026-11-18T03:20:00Z"); // Wed 11:20
        Instant beforeOpening = Instant.parse("2026-11-17T22:00:00Z"); // Wed 06:00
        Instant weekend = Instant.parse("2026-11-22T02:00:00Z"); // Sun 10:00

        assertThat(WEEKDAYS.dueAfter(inHours, 0, BUSINESS_HOURS)).isEqualTo(inHours);
        assertThat(WEEKDAYS.dueAfter(beforeOpening, 0, BUSINESS_HOURS))
                .isEqualTo(Instant.parse("2026-11-18T01:00:00Z")); // Wed 09:00
        assertThat(WEEKDAYS.dueAfter(weekend, 0, BUSINESS_HOURS))
                .isEqualTo(Instant.parse("2026-11-23T01:00:00Z")); // Mon 09:00
        assertThat(WEEKDAYS.dueAfter(weekend, 0, ROUND_THE_CLOCK)).isEqualTo(weekend);
    }

    @Test
    void zeroMinuteTermsGiveDeadlinesAtTheClockStart() {
        Instant arrival = Instant.parse("2026-11-21T06:00:00Z"); // Sat 14:00

        Deadlines deadlines = Deadlines.of(arrival, new SlaTerms(BUSINESS_HOURS, 0, 0, 0), true, WEEKDAYS);

        Instant mondayOpening = Instant.parse("2026-11-23T01:00:00Z"); // Mon 09:00
        assertThat(deadlines).isEqualTo(new Deadlines(mondayOpening, mondayOpening, mondayOpening, mondayOpening));
    }

    @Test
    void negativeMinutesAreRefused() {
        Instant arrival = Instant.parse("2026-11-18T02:00:00Z"); // Wed 10:00

        assertThatIllegalArgumentException()
                .isThrownBy(() -> WEEKDAYS.dueAfter(arrival, -1, BUSINESS_HOURS))
                .withMessageContaining("-1");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> WEEKDAYS.dueAfter(arrival, -60, ROUND_THE_CLOCK))
                .withMessageContaining("-60");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Deadlines.of(arrival, new SlaTerms(BUSINESS_HOURS, 60, -1, 60), false, WEEKDAYS));
    }

    // --- construction and working days ---

    @Test
    void constructorRefusesOpeningAtClosingTime() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new BusinessCalendar(SHANGHAI, LocalTime.of(9, 0), LocalTime.of(9, 0),
                        EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), Set.of(), Set.of()))
                .withMessageContaining("09:00");
    }

    @Test
    void constructorRefusesOpeningAfterClosingTime() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new BusinessCalendar(SHANGHAI, LocalTime.of(18, 0), LocalTime.of(9, 0),
                        EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), Set.of(), Set.of()))
                .withMessageContaining("18:00");
    }

    @Test
    void constructorRefusesEmptyWorkingWeekdays() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new BusinessCalendar(SHANGHAI, LocalTime.of(9, 0), LocalTime.of(18, 0),
                        Set.of(), Set.of(), Set.of()))
                .withMessageContaining("working weekday");
    }

    @Test
    void isWorkingDayForWeekdayWeekendHolidayAndMakeUpDay() {
        BusinessCalendar calendar = nationalDay2026();

        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 11, 18))).isTrue(); // Wednesday
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 11, 21))).isFalse(); // Saturday
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 11, 22))).isFalse(); // Sunday
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 1))).isFalse(); // Thursday, National Day
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 5))).isFalse(); // Monday, National Day
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 10))).isTrue(); // Saturday, make-up day
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 9, 20))).isTrue(); // Sunday, make-up day
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 8))).isTrue(); // Thursday after the holidays
    }

    @Test
    void hoursAreReadInTheCalendarsOwnZone() {
        BusinessCalendar utcHours = new BusinessCalendar(ZoneOffset.UTC, LocalTime.of(9, 0), LocalTime.of(18, 0),
                EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), Set.of(), Set.of());
        Instant arrival = Instant.parse("2026-11-18T02:00:00Z"); // Wed 10:00 Shanghai, 02:00 UTC

        assertThat(utcHours.clockStart(arrival, BUSINESS_HOURS))
                .isEqualTo(Instant.parse("2026-11-18T09:00:00Z")); // 09:00 UTC (17:00 Shanghai)
        assertThat(WEEKDAYS.clockStart(arrival, BUSINESS_HOURS)).isEqualTo(arrival);
    }

    // --- reference cases, computed by hand on the default calendar ---

    @Test
    void referenceCaseR0002SundayAlertClassAWithSecondTransfer() {
        Instant arrival = Instant.parse("2026-12-13T03:27:00Z"); // Sun 12-13 11:27

        Deadlines deadlines = Deadlines.of(arrival, ALERT_A, true, WEEKDAYS);

        assertThat(deadlines.clockStartsAt()).isEqualTo(Instant.parse("2026-12-14T01:00:00Z")); // Mon 09:00
        assertThat(deadlines.responseDueAt()).isEqualTo(Instant.parse("2026-12-14T05:00:00Z")); // Mon 13:00
        // Mon-Fri 5 x 540 = 2700, then 180 min
        assertThat(deadlines.resolveDueAt()).isEqualTo(Instant.parse("2026-12-21T04:00:00Z")); // Mon 12-21 12:00
        assertThat(deadlines.dispatchDueAt()).isEqualTo(Instant.parse("2026-12-14T02:00:00Z")); // Mon 10:00
    }

    @Test
    void referenceCaseR0014SaturdayAlertClassCResolvesAtClosingTime() {
        Instant arrival = Instant.parse("2026-11-27T22:20:00Z"); // Sat 11-28 06:20

        Deadlines deadlines = Deadlines.of(arrival, ALERT_OTHER, false, WEEKDAYS);

        assertThat(deadlines.clockStartsAt()).isEqualTo(Instant.parse("2026-11-30T01:00:00Z")); // Mon 09:00
        assertThat(deadlines.responseDueAt()).isEqualTo(Instant.parse("2026-11-30T09:00:00Z")); // Mon 17:00
        // exactly 8 x 540: Mon 11-30 .. Wed 12-09, ending on closing time
        assertThat(deadlines.resolveDueAt()).isEqualTo(Instant.parse("2026-12-09T10:00:00Z")); // Wed 12-09 18:00
        assertThat(deadlines.dispatchDueAt()).isNull();
    }

    @Test
    void referenceCaseR0057FridayAfternoonAlertCarriesOverWeekend() {
        Instant arrival = Instant.parse("2026-11-27T08:34:00Z"); // Fri 11-27 16:34

        Deadlines deadlines = Deadlines.of(arrival, ALERT_OTHER, true, WEEKDAYS);

        assertThat(deadlines.clockStartsAt()).isEqualTo(arrival);
        // 86 min Fri + 394 min Mon
        assertThat(deadlines.responseDueAt()).isEqualTo(Instant.parse("2026-11-30T07:34:00Z")); // Mon 15:34
        // 86 Fri + 7 x 540 (Mon 11-30 .. Tue 12-08) + 454
        assertThat(deadlines.resolveDueAt()).isEqualTo(Instant.parse("2026-12-09T08:34:00Z")); // Wed 12-09 16:34
        assertThat(deadlines.dispatchDueAt()).isEqualTo(Instant.parse("2026-11-27T09:34:00Z")); // Fri 17:34
    }

    @Test
    void referenceCaseR0001FaultRoundTheClockWithSecondTransfer() {
        Instant arrival = Instant.parse("2026-12-02T19:05:00Z"); // Thu 12-03 03:05

        Deadlines deadlines = Deadlines.of(arrival, FAULT, true, WEEKDAYS);

        assertThat(deadlines).isEqualTo(new Deadlines(
                arrival,
                Instant.parse("2026-12-02T21:05:00Z"), // Thu 05:05
                Instant.parse("2026-12-03T19:05:00Z"), // Fri 03:05
                Instant.parse("2026-12-02T20:05:00Z"))); // Thu 04:05
    }
}
