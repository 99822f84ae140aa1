package com.channelrouter.tables;

import com.channelrouter.engine.RuleCompiler;
import com.channelrouter.sla.BusinessCalendar;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** A calendar without next year's official holidays is pointed out from November, and always once that year has come. */
class CalendarCoverageTests {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private static BusinessCalendar listing(LocalDate... holidays) {
        return new BusinessCalendar(SHANGHAI, LocalTime.of(9, 0), LocalTime.of(18, 0), EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                Set.of(holidays), Set.of());
    }

    private static Instant inShanghai(String dateTime) {
        return LocalDateTime.parse(dateTime).atZone(SHANGHAI).toInstant();
    }

    private final BusinessCalendar listing2026 = listing(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 10, 1));

    @Test
    void theCurrentYearListedIsEnoughUntilNovember() {
        assertThat(CalendarCoverage.warning(listing2026, inShanghai("2026-10-31T23:59:59"))).isEmpty();
    }

    @Test
    void fromNovemberTheComingYearIsDue() {
        TableProblem warning = CalendarCoverage.warning(listing2026, inShanghai("2026-11-01T00:00:00")).orElseThrow();

        assertThat(warning.sheet()).isEqualTo("Days");
        assertThat(warning.value()).isEqualTo("2027");
        assertThat(warning.message()).contains("no holiday in 2027", "last year it lists is 2026", "only weekends");
        assertThat(warning.messageZh()).contains("2027 年", "放假通知");
        assertThat(CalendarCoverage.warning(listing(LocalDate.of(2026, 10, 1), LocalDate.of(2027, 1, 1)), inShanghai("2026-12-05T12:00:00")))
                .isEmpty();
    }

    @Test
    void aYearUnderWayThatIsNotListedIsDueAtOnceAndACalendarListingNothingToo() {
        assertThat(CalendarCoverage.warning(listing2026, inShanghai("2027-03-01T10:00:00"))).hasValueSatisfying(
                warning -> assertThat(warning.message()).contains("in 2027"));
        assertThat(CalendarCoverage.warning(listing(), inShanghai("2026-03-01T10:00:00"))).hasValueSatisfying(
                warning -> assertThat(warning.message()).contains("in 2026").doesNotContain("last year it lists"));
    }

    @Test
    void aYearCountsAsListedWithAHolidayNotWithMakeUpDaysAloneAndAGapIsNamed() {
        BusinessCalendar makeUpDayOnly = new BusinessCalendar(SHANGHAI, LocalTime.of(9, 0), LocalTime.of(18, 0),
                EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), Set.of(LocalDate.of(2026, 10, 1)), Set.of(LocalDate.of(2027, 2, 7)));
        assertThat(CalendarCoverage.warning(makeUpDayOnly, inShanghai("2026-12-05T10:00:00"))).hasValueSatisfying(
                warning -> assertThat(warning.value()).isEqualTo("2027"));

        BusinessCalendar gap = listing(LocalDate.of(2025, 1, 1), LocalDate.of(2027, 1, 1));
        assertThat(CalendarCoverage.warning(gap, inShanghai("2026-03-01T10:00:00"))).hasValueSatisfying(
                warning -> assertThat(warning.message()).contains("no holiday in 2026", "last year it lists is 2027"));
        assertThat(CalendarCoverage.warning(gap, inShanghai("2026-12-01T10:00:00"))).hasValueSatisfying(
                warning -> assertThat(warning.value()).isEqualTo("2026"));
    }

    @Test
    void everyUploadsReportCarriesIt() {
        TableVersionMapper unused = (TableVersionMapper) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[]{TableVersionMapper.class}, (proxy, method, args) -> {
                    throw new UnsupportedOperationException(method.getName());
                });
        Clock december2026 = Clock.fixed(inShanghai("2026-12-05T10:00:00"), ZoneOffset.UTC);
        DecisionTableVersions versions = new DecisionTableVersions(unused, new DecisionTableLoader(new RuleCompiler()), List.of(),
                new LiveDecisionTables(new DecisionTables("LIVE", null, null, null, null, null)), NoTransactions.template(),
                JsonMapper.builder().build(), december2026);
        try {
            VersionReport report = versions.check(Workbooks.shipped().source(), "calendar.xlsx");

            assertThat(report.publishable()).isTrue();
            assertThat(report.warnings()).anySatisfy(w -> assertThat(w.message()).contains("no holiday in 2027"));
        } finally {
            versions.stop();
        }
    }
}
