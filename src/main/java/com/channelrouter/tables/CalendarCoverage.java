package com.channelrouter.tables;

import com.channelrouter.sla.BusinessCalendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.util.Optional;
import java.util.OptionalInt;

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
        int due = today.getMonth().compareTo(NEXT_YEAR_DUE_FROM) >= 0 ? today.getYear() + 1 : today.getYear();
        OptionalInt listed = calendar.lastListedYear();
        if (listed.isPresent() && listed.getAsInt() >= due) {
            return Optional.empty();
        }
        String last = listed.isPresent() ? " (the last year it lists is " + listed.getAsInt() + ")" : "";
        String lastZh = listed.isPresent() ? "（最后列出的是 " + listed.getAsInt() + " 年）" : "";
        return Optional.of(new TableProblem(null, CalendarSheets.DAYS_SHEET, null, null, null, String.valueOf(due),
                "The Days sheet lists no holiday or make-up working day in " + due + last + ": in " + due
                        + " only weekends count as days off, so SLA deadlines fall on public holidays. Add the official holiday notice for "
                        + due + " as soon as it is published.",
                "Days 工作表没有列出 " + due + " 年的节假日或调休工作日" + lastZh + "：" + due + " 年将只有周末算作休息日，SLA 时限会落在法定节假日上。"
                        + "请在 " + due + " 年放假通知发布后尽快补充。"));
    }
}
