package com.channelrouter.web;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A JSON value of the wrong type, said as the contract says it: the field's path and the kind of value expected
 * ("customer has the wrong type: expected an object"), never Jackson's message, which names Java types and features.
 */
public final class JsonInputProblems {

    /** How jackson-core says it (JsonReadContext), with the field's name as sent. */
    private static final Pattern DUPLICATE = Pattern.compile("^Duplicate Object property \"(.*)\"");

    private JsonInputProblems() {
    }

    /** The field (its path, or {@code whole} for the value itself) and what it should have been. */
    public static FieldProblem wrongType(MismatchedInputException mismatch, String whole) {
        String field = mismatch.getPath().isEmpty() ? whole : path(mismatch);
        return new FieldProblem(field, "has the wrong type: expected " + expected(mismatch.getTargetType()));
    }

    /** The field a body gives twice in one object (refused: JsonConfiguration), or null for another fault. */
    public static FieldProblem givenTwice(JacksonException refused) {
        Matcher duplicate = DUPLICATE.matcher(String.valueOf(refused.getOriginalMessage()));
        return duplicate.find() ? new FieldProblem(duplicate.group(1), "is given twice; give each field once") : null;
    }

    /** "a string", "a number", "an array" or "an object", as a caller writes the value. */
    static String expected(Class<?> type) {
        if (type == null) {
            return "another type";
        }
        if (type == String.class) {
            return "a string";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        if (List.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        return "an object";
    }

    private static String path(JacksonException ex) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : ex.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
