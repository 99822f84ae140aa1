package com.channelrouter.replay;

import com.channelrouter.routing.RoutingDecision;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What an expect. cell must hold, by the type of the decision field it names: a time, a number, true or false, one
 * of the codes, codes separated by |. A cell that holds something else could only fail its test as a mismatch
 * ("expected an hour later but was 2026-11-26T11:08:00Z"), as if the tables were wrong; it is refused as the cell it
 * is, in English and Chinese. Derived from the decision itself, so that a field added to it is known here too.
 */
final class ExpectedCells {

    /** The decision's fields as expect. columns name them (sla.rule for the SLA's), with their types, in order. */
    static final Map<String, Type> FIELDS = fields();

    /** The decision's numbers are whole minutes: 240 or 240.0 as a sheet may show it, never negative nor a fraction. */
    private static final Pattern WHOLE_NUMBER = Pattern.compile("[0-9]{1,9}(\\.0+)?");

    private ExpectedCells() {
    }

    private static Map<String, Type> fields() {
        Map<String, Type> fields = new LinkedHashMap<>();
        for (RecordComponent component : RoutingDecision.class.getRecordComponents()) {
            fields.put(component.getName(), component.getGenericType());
        }
        for (RecordComponent component : RoutingDecision.Sla.class.getRecordComponents()) {
            fields.put("sla." + component.getName(), component.getGenericType());
        }
        return Collections.unmodifiableMap(fields);
    }

    /** True for {@code null} in any case: how a case says the decision has no such value. */
    static boolean isNull(String value) {
        return value.equalsIgnoreCase("null");
    }

    /**
     * Refuses a cell that the field it names can never hold. {@code null} is allowed where the decision may have
     * none (no dispatch deadline, no target channel), not for a number or a flag it always has, nor for a list,
     * which is empty when there is none ({@code none}).
     */
    static void check(String header, String path, String value) {
        Type type = FIELDS.get(path);
        if (isList(path)) {
            checkList(header, ((ParameterizedType) type).getActualTypeArguments()[0], value);
            return;
        }
        if (!(type instanceof Class<?> kind) || (isNull(value) && !kind.isPrimitive())) {
            return; // a field the decision may leave out, or one with no simple type (the SLA as a whole)
        }
        checkOne(header, kind, value);
    }

    /** Whether the decision holds a list for this path (assistChannels): a cell writes its items with | between them. */
    static boolean isList(String path) {
        return FIELDS.get(path) instanceof ParameterizedType list && list.getRawType() == List.class;
    }

    private static void checkList(String header, Type itemType, String value) {
        if (value.equals("[]") || value.equalsIgnoreCase("none") || !(itemType instanceof Class<?> kind) || !kind.isEnum()) {
            return;
        }
        List<String> codes = codes(kind);
        for (String item : value.split("\\|")) {
            String code = item.strip();
            if (!code.isEmpty() && !codes.contains(code)) {
                inCapitals(header, codes, code);
                String example = String.join("|", codes.subList(0, Math.min(2, codes.size())));
                throw new CaseColumns.NotACase(header, header + " must be codes separated by | (such as " + example + "), or none "
                        + "when there is none: \"" + code + "\" is not one of " + String.join(", ", codes),
                        header + " 须填写以 | 分隔的代码（例如 " + example + "），没有时填写 none；“" + code + "”不是以下之一："
                                + String.join("、", codes) + "。");
            }
        }
    }

    private static void checkOne(String header, Class<?> kind, String value) {
        if (kind == Instant.class && !isDateTime(value)) {
            throw new CaseColumns.NotACase(header, header + " must be a date and time such as 2026-11-26T10:08:00Z (or an Excel "
                    + "date), or null when the decision has none, not \"" + value + "\"",
                    header + " 须填写日期时间，例如 2026-11-26T10:08:00Z（或 Excel 日期）；决策中没有该时间时填写 null。“" + value
                            + "”不是日期时间。");
        }
        if ((kind == int.class || kind == Integer.class) && !WHOLE_NUMBER.matcher(value).matches()) {
            throw new CaseColumns.NotACase(header, header + " must be a whole number of minutes, 0 or more, such as 60, not \""
                    + value + "\"", header + " 须填写不小于 0 的整数分钟数，例如 60；“" + value + "”不是。");
        }
        if ((kind == boolean.class || kind == Boolean.class) && !value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
            throw new CaseColumns.NotACase(header, header + " must be true or false, not \"" + value + "\"",
                    header + " 须填写 true 或 false；“" + value + "”不是。");
        }
        List<String> codes = kind.isEnum() ? codes(kind) : List.of();
        if (kind.isEnum() && !codes.contains(value)) {
            inCapitals(header, codes, value);
            throw new CaseColumns.NotACase(header, header + " must be one of " + String.join(", ", codes) + " (or null), not \""
                    + value + "\"", header + " 须填写以下之一：" + String.join("、", codes) + "（或 null）；“" + value + "”不是。");
        }
    }

    /** Refuses a code written in the wrong case with the code it plainly means: codes are capitals, as the decision gives them. */
    private static void inCapitals(String header, List<String> codes, String value) {
        String meant = codes.stream().filter(value::equalsIgnoreCase).findFirst().orElse(null);
        if (meant != null) {
            throw new CaseColumns.NotACase(header, header + " must be written " + meant + ", in capitals, not \"" + value + "\"",
                    header + " 须填写大写的 " + meant + "，而不是“" + value + "”。");
        }
    }

    private static List<String> codes(Class<?> enumType) {
        return Arrays.stream(enumType.getEnumConstants()).map(code -> ((Enum<?>) code).name()).toList();
    }

    private static boolean isDateTime(String value) {
        try {
            OffsetDateTime.parse(value);
            return true;
        } catch (DateTimeParseException notOne) {
            return false;
        }
    }
}
