package com.channelrouter.replay;

import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Compares an expected subset of a decision with the actual decision the way case files mean it: only
 * the fields given count, lists compare as sets, instants as instants, and a number or yes/no written as
 * text equals the same value.
 */
public final class Expectations {

    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

    private Expectations() {
    }

    /** One field that is not as expected. */
    public record Difference(String field, String expected, String actual) {
        @Override
        public String toString() {
            return field + ": expected " + expected + " but was " + actual;
        }

        /** The same for a business owner reading Chinese: the field as the sheet's column names it, the values as they are. */
        public String inChinese() {
            return field + "：应为 " + inChinese(expected) + "，实际为 " + inChinese(actual);
        }

        private static String inChinese(String shown) {
            return ABSENT.equals(shown) ? "（无）" : shown;
        }
    }

    private static final String ABSENT = "(absent)";

    public static List<Difference> differences(JsonNode expected, JsonNode actual) {
        List<Difference> differences = new ArrayList<>();
        compare("", expected, actual, differences);
        return differences;
    }

    private static void compare(String path, JsonNode expected, JsonNode actual, List<Difference> differences) {
        if (expected.isObject()) {
            for (Map.Entry<String, JsonNode> field : expected.properties()) {
                String child = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                JsonNode value = actual == null ? null : actual.get(field.getKey());
                if (value == null || value.isMissingNode()) {
                    differences.add(new Difference(child, show(field.getValue()), ABSENT));
                } else {
                    compare(child, field.getValue(), value, differences);
                }
            }
        } else if (expected.isArray()) {
            if (!actual.isArray() || !asSet(expected).equals(asSet(actual))) {
                differences.add(new Difference(path, show(expected), show(actual)));
            }
        } else if (!sameScalar(expected, actual)) {
            differences.add(new Difference(path, show(expected), show(actual)));
        }
    }

    private static Set<String> asSet(JsonNode list) {
        Set<String> items = new HashSet<>();
        list.forEach(item -> items.add(item.isString() ? item.asString() : item.toString()));
        return items;
    }

    private static boolean sameScalar(JsonNode expected, JsonNode actual) {
        if (expected.isNull() || actual.isNull()) {
            return expected.isNull() && actual.isNull();
        }
        if (expected.equals(actual)) {
            return true;
        }
        if (expected.isNumber() || actual.isNumber()) {
            // 240.0 typed in a sheet (or written in JSON) is the 240 decided; two texts still compare as texts
            BigDecimal want = number(expected);
            BigDecimal got = number(actual);
            if (want != null && got != null) {
                return want.compareTo(got) == 0;
            }
        }
        String want = expected.isString() ? expected.asString() : expected.toString();
        String got = actual.isString() ? actual.asString() : actual.toString();
        if (want.equals(got)) {
            return true;
        }
        Instant wantInstant = instant(want);
        return wantInstant != null && wantInstant.equals(instant(got));
    }

    private static BigDecimal number(JsonNode node) {
        if (node.isNumber()) {
            return node.decimalValue();
        }
        if (node.isString() && NUMBER.matcher(node.asString().strip()).matches()) {
            return new BigDecimal(node.asString().strip());
        }
        return null;
    }

    private static Instant instant(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String show(JsonNode node) {
        if (node == null) {
            return ABSENT;
        }
        return node.isString() ? node.asString() : node.toString();
    }
}
