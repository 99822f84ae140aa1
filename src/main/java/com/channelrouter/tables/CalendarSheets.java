package com.channelrouter.tables;

import com.channelrouter.sla.BusinessCalendar;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

    private static final Map<String, String> CHINESE_SETTINGS = Map.of(
            "zone", "时区", "opens at", "开始时间", "closes at", "结束时间", "working days", "工作日");

    private CalendarSheets() {
    }

    static BusinessCalendar read(SheetCells hours, SheetCells days, TableProblems problems) {
        var table = HeaderedSheet.locate(hours, SETTING, List.of(SETTING, VALUE, Column.NOTES), problems);
        if (table.isEmpty()) {
            return null;
        }
        Settings settings = new Settings();
        Set<String> seen = new HashSet<>();
        for (TableRecord record : table.get().records()) {
            String setting = record.text(SETTING);
            String name = setting == null ? "" : setting.toLowerCase(Locale.ROOT);
            if (!name.isEmpty() && !seen.add(name)) {
                record.error(SETTING, setting, "This setting is listed twice; keep one row.", "该设置重复出现，请只保留一行。");
                continue;
            }
            switch (name) {
                case "zone", "时区" -> settings.zone = zone(record);
                case "opens at", "开始时间" -> settings.opens = record.time(VALUE);
                case "closes at", "结束时间" -> {
                    settings.closes = record.time(VALUE);
                    settings.closesRecord = record;
                }
                case "working days", "工作日" -> settings.weekdays = record.weekdays(VALUE);
                default -> record.error(SETTING, setting,
                        "Unknown setting. The settings are: Zone, Opens at, Closes at, Working days.",
                        "未知设置。可用设置：Zone、Opens at、Closes at、Working days。");
            }
        }
        for (String[] required : new String[][]{{"zone", "Zone"}, {"opens at", "Opens at"}, {"closes at", "Closes at"},
                {"working days", "Working days"}}) {
            if (!seen.contains(required[0]) && !seen.contains(CHINESE_SETTINGS.get(required[0]))) {
                problems.error(new TableProblem(hours.workbook(), hours.name(), null, null, SETTING.english(), null,
                        "The setting \"" + required[1] + "\" is missing; add a row for it.",
                        "缺少设置“" + required[1] + "”，请添加一行。"));
            }
        }
        boolean complete = settings.zone != null && settings.opens != null && settings.closes != null
                && settings.weekdays != null && !settings.weekdays.isEmpty();
        if (complete && !settings.opens.isBefore(settings.closes)) {
            complete = false;
            settings.closesRecord.error(VALUE, settings.closes.toString(), "Closing time must be after opening time.",
                    "结束时间必须晚于开始时间。");
        }
        Set<LocalDate> holidays = new HashSet<>();
        Set<LocalDate> workdays = new HashSet<>();
        if (days != null) {
            readDays(days, complete ? settings.weekdays : Set.of(), holidays, workdays, problems);
        }
        return complete ? new BusinessCalendar(settings.zone, settings.opens, settings.closes, settings.weekdays, holidays, workdays) : null;
    }

    /** The business-hours settings as read so far. */
    private static final class Settings {
        ZoneId zone;
        LocalTime opens;
        LocalTime closes;
        TableRecord closesRecord;
        Set<DayOfWeek> weekdays;
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
            Map<LocalDate, Integer> rowOfDate = new HashMap<>();
            for (TableRecord record : table.records()) {
                LocalDate date = record.date(DATE);
                DayType type = record.code(DAY_TYPE, DayType.class, true);
                if (date == null || type == null) {
                    continue;
                }
                Integer firstRow = rowOfDate.putIfAbsent(date, record.excelRow());
                if (firstRow != null) {
                    record.error(DATE, date.toString(), "This date is listed twice (first in row " + firstRow + "); keep one row.",
                            "该日期重复出现（第一次在第 " + firstRow + " 行），请只保留一行。");
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
