package com.channelrouter.tables;

import com.channelrouter.engine.RowLocation;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One row of a {@link HeaderedSheet}, read column by column into typed values. Every getter reports a
 * bad cell as a problem naming the sheet, cell, column and value, and returns a safe placeholder so
 * reading goes on and all problems are found in one pass.
 */
final class TableRecord {

    private static final Pattern LIST_SEPARATORS = Pattern.compile("[,，、;；|/\\n]+");
    private static final Set<String> ANY = Set.of("ANY", "*", "ALL", "不限", "任意", "全部");

    /** Whether a cell's text means "not tested". */
    static boolean meansAny(String text) {
        return text == null || ANY.contains(CodeNames.normalize(text));
    }
    private static final Set<String> YES = Set.of("YES", "Y", "TRUE", "是", "1");
    private static final Set<String> NO = Set.of("NO", "N", "FALSE", "否", "0");
    private static final Pattern RULE_ID = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,31}");

    private final SheetCells sheet;
    private final SheetCells.Row row;
    private final Map<Column, Integer> columns;
    /** The name each column's header gives it (Column.nameIn), for the problems that point at it. */
    private final Map<Column, String> headers;
    private final Set<Integer> refusedColumns;
    private final TableProblems problems;
    private final Set<Column> reported = new HashSet<>();

    TableRecord(SheetCells sheet, SheetCells.Row row, Map<Column, Integer> columns, Map<Column, String> headers,
                Set<Integer> refusedColumns, TableProblems problems) {
        this.sheet = sheet;
        this.row = row;
        this.columns = columns;
        this.headers = headers;
        this.refusedColumns = Set.copyOf(refusedColumns);
        this.problems = problems;
    }

    /** Whether the cell held a formula or an error, already reported: then "required" is not said again. */
    private boolean refused(Column column) {
        Integer index = columns.get(column);
        return index != null && refusedColumns.contains(index);
    }

    int excelRow() {
        return row.excelRow();
    }

    /** The row's place, with its rule id's cell and that column's name as the header gives it. */
    RowLocation location() {
        return new RowLocation(sheet.workbook(), sheet.name(), row.excelRow(), cellOf(Column.RULE), nameOf(Column.RULE));
    }

    /** This row's cell in the column ("F9"), null when the sheet has no such column. */
    private String cellOf(Column column) {
        Integer index = column == null ? null : columns.get(column);
        return index == null ? null : HeaderedSheet.address(index, row.excelRow());
    }

    /** The column as the sheet's header names it (its English name where the sheet lacks it). */
    private String nameOf(Column column) {
        return headers.getOrDefault(column, column.english());
    }

    /** The raw value, null when the column is absent or the cell blank. */
    Object raw(Column column) {
        Integer index = columns.get(column);
        return index == null ? null : row.cells().get(index);
    }

    /** The cell as text the way Excel shows it (whole numbers without ".0"), null when blank. */
    String text(Column column) {
        Object value = raw(column);
        if (value == null) {
            return null;
        }
        if (value instanceof Double number && number == Math.rint(number) && !number.isInfinite()) {
            return Long.toString(number.longValue());
        }
        if (value instanceof Boolean flag) {
            return flag ? "yes" : "no";
        }
        // a no-break space (Excel's web paste, Alt+0160) looks like a space and is read as one
        String text = value.toString().replace('\u00a0', ' ').replace('\u2007', ' ').replace('\u202f', ' ').strip();
        return text.isEmpty() ? null : text;
    }

    void error(Column column, String value, String message, String messageZh) {
        if (column != null) {
            reported.add(column);
        }
        problems.error(problem(column, value, message, messageZh));
    }

    /** Whether these cells were read as what they say: none refused, none reported wrong (read as a stand-in). */
    boolean readWell(Column... cells) {
        return Arrays.stream(cells).noneMatch(column -> refused(column) || reported.contains(column));
    }

    void warning(Column column, String value, String message, String messageZh) {
        problems.warning(problem(column, value, message, messageZh));
    }

    private TableProblem problem(Column column, String value, String message, String messageZh) {
        return new TableProblem(sheet.workbook(), sheet.name(), cellOf(column), row.excelRow(),
                column == null ? null : nameOf(column), value, message, messageZh);
    }

    /**
     * The row's rule id, unique across the whole version because decisions name rows by it. A missing or
     * malformed id is reported and replaced by a placeholder that is never checked for uniqueness.
     */
    String ruleId(Column column) {
        String text = text(column);
        String placeholder = "row" + row.excelRow();
        if (text == null) {
            if (!refused(column)) {
                error(column, null, "Every row needs a rule id (such as L1) so decisions can name it.",
                        "每行都需要规则编号（如 L1），以便决策结果引用。");
            }
            return placeholder;
        }
        if (!RULE_ID.matcher(text).matches()) {
            error(column, text, "A rule id starts with a letter and has at most 32 letters, digits, '.', '-' or '_'.",
                    "规则编号以字母开头，最多 32 个字母、数字、“.”、“-”或“_”。");
            return placeholder;
        }
        // named as Excel names a cell, the same in both languages
        String cell = cellOf(column);
        String here = sheet.name() + (cell == null ? " row " + row.excelRow() : "!" + cell);
        problems.claimRuleId(text, here).ifPresent(earlier -> error(column, text,
                "The rule id " + text + " is already used in " + earlier + "; every rule needs its own id.",
                "规则编号 " + text + " 已在 " + earlier + " 使用，每条规则需要唯一编号。"));
        return text;
    }

    /** A set of codes; blank or "any" means any (the empty set). */
    <E extends Enum<E>> Set<E> codes(Column column, Class<E> type) {
        String text = text(column);
        Set<E> codes = new LinkedHashSet<>();
        if (meansAny(text)) {
            return codes;
        }
        for (String token : LIST_SEPARATORS.split(text)) {
            if (token.isBlank()) {
                continue;
            }
            if (ANY.contains(CodeNames.normalize(token))) {
                error(column, text, "\"any\" cannot be combined with codes: write either any or the codes.",
                        "“any”不能与代码同时使用：请只写 any 或只写代码。");
                continue;
            }
            Optional<E> code = CodeNames.parse(type, token);
            if (code.isPresent()) {
                codes.add(code.get());
            } else {
                unknownCode(column, token.strip(), type);
            }
        }
        return codes;
    }

    /** One code; blank gives null, and is a problem when the column is required. */
    <E extends Enum<E>> E code(Column column, Class<E> type, boolean required) {
        String text = text(column);
        if (text == null) {
            if (required && !refused(column)) {
                CodeNames.Noun noun = CodeNames.nounOf(type);
                error(column, null, "This cell must name a " + noun.english() + ".", "此单元格必须填写" + noun.chinese() + "。");
            }
            return null;
        }
        Optional<E> code = CodeNames.parse(type, text);
        if (code.isEmpty()) {
            unknownCode(column, text, type);
            return null;
        }
        return code.get();
    }

    private <E extends Enum<E>> void unknownCode(Column column, String value, Class<E> type) {
        CodeNames.Noun noun = CodeNames.nounOf(type);
        String[] parts = LIST_SEPARATORS.split(value);
        if (parts.length > 1 && Arrays.stream(parts).allMatch(part -> CodeNames.parse(type, part).isPresent())) {
            error(column, value, "This column takes one " + noun.english() + ", not several: keep one of " + value + ".",
                    "此列只能填写一个" + noun.chinese() + "，不能填写多个：请在 " + value + " 中保留一个。");
            return;
        }
        Set<String> known = new LinkedHashSet<>();
        Arrays.stream(type.getEnumConstants()).forEach(c -> known.add(c.name()));
        Optional<String> nearest = CodeNames.nearest(value, known);
        String allowed = String.join(", ", known);
        error(column, value,
                "\"" + value + "\" is not a " + noun.english() + "."
                        + nearest.map(n -> " Did you mean " + n + "?").orElse(" Allowed: " + allowed + "."),
                "“" + value + "”不是有效的" + noun.chinese() + "。"
                        + nearest.map(n -> "您是否想输入 " + n + "？").orElse("可选值：" + allowed + "。"));
    }

    /** yes, no, or any (null); blank is any. */
    Boolean yesNoAny(Column column) {
        String text = text(column);
        if (text == null) {
            return null;
        }
        if (meansAny(text)) {
            return null;
        }
        return yesNo(column, text);
    }

    /** yes or no; blank is {@code blankMeans}; null (reported) when the cell says something else. */
    Boolean yesNo(Column column, boolean blankMeans) {
        String text = text(column);
        if (text == null) {
            return refused(column) ? null : blankMeans;
        }
        return yesNo(column, text);
    }

    private Boolean yesNo(Column column, String text) {
        String word = text.toUpperCase(Locale.ROOT);
        if (YES.contains(word)) {
            return true;
        }
        if (NO.contains(word)) {
            return false;
        }
        error(column, text, "Write yes or no.", "请填写 yes 或 no。");
        return null;
    }

    /** A whole number of minutes from 1 to a year. */
    int minutes(Column column) {
        Integer minutes = wholeNumber(column, 1, 525_600,
                "Write a whole number of minutes from 1 to 525600 (one year), such as 240.",
                "请填写 1 到 525600（一年）之间的整数分钟数，例如 240。");
        return minutes == null ? 1 : minutes;
    }

    /** A whole number within bounds; null (reported with the given message) when blank or anything else. */
    Integer wholeNumber(Column column, int min, int max, String message, String messageZh) {
        String text = text(column);
        if (text == null && refused(column)) {
            return null;
        }
        if (text != null) {
            try {
                int number = Integer.parseInt(text);
                if (number >= min && number <= max) {
                    return number;
                }
            } catch (NumberFormatException ignored) {
                // reported below
            }
        }
        error(column, text, message, messageZh);
        return null;
    }

    LocalDate date(Column column) {
        Object value = raw(column);
        if (value instanceof LocalDateTime dateTime) {
            return dateTime.toLocalDate();
        }
        String text = text(column);
        if (text != null) {
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException ignored) {
                // reported below
            }
        }
        error(column, text, "Write a date as YYYY-MM-DD, such as 2026-10-01.", "请按 YYYY-MM-DD 格式填写日期，例如 2026-10-01。");
        return null;
    }

    LocalTime time(Column column) {
        Object value = raw(column);
        if (value instanceof LocalDateTime dateTime) {
            return dateTime.toLocalTime();
        }
        if (value instanceof Double fractionOfDay && fractionOfDay >= 0 && fractionOfDay < 1) {
            long seconds = Math.round(fractionOfDay * 86_400);
            if (seconds < 86_400) {
                return LocalTime.ofSecondOfDay(seconds);
            }
        }
        String text = text(column);
        if (text != null) {
            try {
                return LocalTime.parse(text.length() == 4 ? "0" + text : text);
            } catch (DateTimeParseException ignored) {
                // reported below
            }
        }
        error(column, text, "Write a time as HH:MM on the 24-hour clock, such as 09:00.", "请按 24 小时制 HH:MM 填写时间，例如 09:00。");
        return null;
    }

    Set<DayOfWeek> weekdays(Column column) {
        return codes(column, DayOfWeek.class);
    }
}
