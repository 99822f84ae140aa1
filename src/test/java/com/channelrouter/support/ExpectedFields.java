package com.channelrouter.support;

import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares an expected subset of a decision with the actual one the way the case-file contract says:
 * only fields present in the expectation count, lists compare as sets, instants as instants.
 */
public final class ExpectedFields {

    private ExpectedFields() {
    }

    /** Every difference, as "path: expected X but was Y"; empty when the actual value matches. */
    public static List<String> differences(JsonNode expected, JsonNode actual) {
        List<String> differences = new ArrayList<>();
        compare("", expected, actual, differences);
        return differences;
    }

    private static void compare(String path, JsonNode expected, JsonNode actual, List<String> differences) {
        if (expected.isObject()) {
            for (Map.Entry<String, JsonNode> field : expected.properties()) {
                String child = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                JsonNode value = actual == null ? null : actual.get(field.getKey());
                if (value == null || value.isMissingNode()) {
                    differences.add(child + ": expected " + field.getValue() + " but it is absent");
                } else {
                    compare(child, field.getValue(), value, differences);
                }
            }
        } else if (expected.isArray()) {
            Set<String> want = new HashSet<>();
            expected.forEach(e -> want.add(e.toString()));
            Set<String> got = new HashSet<>();
            if (actual.isArray()) {
                actual.forEach(e -> got.add(e.toString()));
            }
            if (!actual.isArray() || !want.equals(got)) {
                differences.add(path + ": expected " + expected + " but was " + actual);
            }
        } else if (!sameScalar(expected, actual)) {
            differences.add(path + ": expected " + expected + " but was " + actual);
        }
    }

    private static boolean sameScalar(JsonNode expected, JsonNode actual) {
        if (expected.isNull() || actual.isNull()) {
            return expected.isNull() && actual.isNull();
        }
        if (expected.isString() && actual.isString()) {
            Instant want = instant(expected.asString());
            Instant got = instant(actual.asString());
            if (want != null && got != null) {
                return want.equals(got);
            }
        }
        return expected.equals(actual);
    }

    private static Instant instant(String text) {
        try {
            return java.time.OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
