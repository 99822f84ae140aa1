package com.channelrouter.tables;

import com.channelrouter.sla.BusinessCalendar;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Reads the "Business hours" sheet (zone, hours, working weekdays) and the "Days" sheet (holidays, make-up days). */
final class CalendarSheets {

    static final String HOURS_SHEET = "Business hours";
    static final String DAYS_SHEET = "Days";
    static final Column SETTING = new Column("Setting", "设置");
    static final Column VALUE = new Column("Value", "值");
    static final Column DATE = new Column("Date", "日期");
    static final Column DAY_TYPE = new Column("Day type", "类型");
    static final Column NAME = new Column("Name", "名称");

    private CalendarSheets() {
    }

    static BusinessCalendar read(SheetCells hours, SheetCells days, TableProblems problems) {
        ZoneId zone = null;
        LocalTime opens = null;
        LocalTime closes = null;
        Set<DayOfWeek> weekdays = Set.of();
        var table = HeaderedSheet.locate(hours, SETTING, List.of(SETTING, VALUE, Column.NOTES), problems);
        if (table.isEmpty()) {
            return null;
        }
        for (TableRecord record : table.get().records()) {
            String setting = record.text(SETTING);
            switch (setting == null ? "" : setting.toLowerCase(Locale.ROOT)) {
                case "zone", "时区" -> zone = zone(record);
                case "opens at", "开始时间" -> opens = record.time(VALUE);
                case "closes at", "结束时间" -> closes = record.time(VALUE);
                case "working days", "工作日" -> weekdays = record.weekdays(VALUE);
                default -> record.error(SETTING, setting,
                        "Unknown setting. The settings are: Zone, Opens at, Closes at, Working days.",
                        "未知设置。可用设置：Zone、Opens at、Closes at、Working days。");
            }
        }
        boolean complete = true;
        for (Object[] required : new Object[][]{{"Zone", zone}, {"Opens at", opens}, {"Closes at", closes},
                {"Working days", weekdays.isEmpty() ? null : weekdays}}) {
            if (required[1] == null) {
                complete = false;
                problems.error(new TableProblem(hours.workbook(), hours.name(), null, null, SETTING.english(), null,
                        "The setting \"" + required[0] + "\" is missing or has no valid value.",
                        "缺少设置“" + required[0] + "”或其值无效。"));
            }
        }
        if (complete && !opens.isBefore(closes)) {
            complete = false;
            problems.error(new TableProblem(hours.workbook(), hours.name(), null, null, VALUE.english(), closes.toString(),
                    "Closing time must be after opening time.", "结束时间必须晚于开始时间。"));
        }
        Set<LocalDate> holidays = new HashSet<>();
        Set<LocalDate> workdays = new HashSet<>();
        if (days != null) {
            readDays(days, complete ? weekdays : Set.of(), holidays, workdays, problems);
        }
        return complete ? new BusinessCalendar(zone, opens, closes, weekdays, holidays, workdays) : null;
    }

    private static ZoneId zone(TableRecord record) {
        String text = record.text(VALUE);
        try {
            return ZoneId.of(text == null ? "" : text.strip());
        } catch (DateTimeException e) {
            record.error(VALUE, text, "Not a time zone; write a zone id such as Asia/Shanghai.", "不是有效的时区，请填写如 Asia/Shanghai 的时区。");
            return null;
        }
    }

    private static void readDays(SheetCells days, Set<DayOfWeek> weekdays, Set<LocalDate> holidays,
                                 Set<LocalDate> workdays, TableProblems problems) {
        HeaderedSheet.locate(days, DATE, List.of(DATE, DAY_TYPE, NAME, Column.NOTES), problems).ifPresent(table -> {
            for (TableRecord record : table.records()) {
                LocalDate date = record.date(DATE);
                DayType type = record.code(DAY_TYPE, DayType.class, true);
                if (date == null || type == null) {
                    continue;
                }
                if (holidays.contains(date) || workdays.contains(date)) {
                    record.error(DATE, date.toString(), "This date is listed twice; keep one row.", "该日期重复出现，请只保留一行。");
                    continue;
                }
                if (type == DayType.HOLIDAY) {
                    // Official holiday spans include weekend days; listing them is harmless.
                    holidays.add(date);
                } else {
                    workdays.add(date);
                    if (weekdays.contains(date.getDayOfWeek())) {
                        record.warning(DAY_TYPE, type.name(), date.getDayOfWeek() + " is a working day anyway; this row changes nothing.",
                                "该日本来就是工作日，此行不起作用。");
                    }
                }
            }
        });
    }
}
