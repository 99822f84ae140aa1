package com.channelrouter.tables;

import com.channelrouter.sla.BusinessCalendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;

/**
 * Holidays and make-up working days come from each year's official notice (国务院放假通知), published late in the
 * year before. Outside the years the Days sheet lists, only weekends are days off (the policy: an item is never
 * refused for its date), so a calendar not yet given next year's notice counts New Year's Day as a working day and
 * SLA deadlines fall on it. From November on, and whenever the current year is missing, table owners see a warning
 * in every upload's report, operations at every start and in the health details.
 */
final class CalendarCoverage {

    /** The notice usually comes out in November; from then on the coming year is due. */
    static final Month NEXT_YEAR_DUE_FROM = Month.NOVEMBER;

    private CalendarCoverage() {
    }

    static Optional<TableProblem> warning(BusinessCalendar calendar, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, calendar.zone());
        SortedSet<Integer> listed = calendar.yearsWithHolidays();
        // a year counts as listed with at least one holiday: make-up working days alone leave every holiday a working day
        List<Integer> due = today.getMonth().compareTo(NEXT_YEAR_DUE_FROM) >= 0
                ? List.of(today.getYear(), today.getYear() + 1) : List.of(today.getYear());
        Optional<Integer> missing = due.stream().filter(year -> !listed.contains(year)).findFirst();
        if (missing.isEmpty()) {
            return Optional.empty();
        }
        int year = missing.get();
        String last = listed.isEmpty() ? "" : " (the last year it lists is " + listed.last() + ")";
        String lastZh = listed.isEmpty() ? "" : "（最后列出的是 " + listed.last() + " 年）";
        return Optional.of(new TableProblem(null, CalendarSheets.DAYS_SHEET, null, null, null, String.valueOf(year),
                "The Days sheet lists no holiday in " + year + last + ": in " + year
                        + " only weekends count as days off, so SLA deadlines fall on public holidays. Add the official holiday notice for "
                        + year + " as soon as it is published.",
                "Days 工作表没有列出 " + year + " 年的节假日" + lastZh + "：" + year + " 年将只有周末算作休息日，SLA 时限会落在法定节假日上。"
                        + "请在 " + year + " 年放假通知发布后尽快补充。"));
    }
}
