package com.channelrouter.engine;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One tested column of a row: the fact field must hold one of {@code values}. Values are typed (enum
 * constants, booleans, catalogue codes), checked here, so a condition can only ever render as a
 * constraint over known tokens.
 */
public record Condition(FactField field, Set<Object> values) {

    /** Product codes are data, not enums; this shape is all they may take. */
    public static final Pattern PRODUCT_CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");

    public Condition {
        if (values == null || values.isEmpty()) {
            throw new IllegalArgumentException(field + ": a condition needs at least one value");
        }
        for (Object value : values) {
            if (!field.valueType().isInstance(value)) {
                throw new IllegalArgumentException(field + ": " + value + " is not a " + field.valueType().getSimpleName());
            }
            if (value instanceof String code && !PRODUCT_CODE.matcher(code).matches()) {
                throw new IllegalArgumentException(field + ": " + code + " is not a well-formed product code");
            }
        }
        values = Set.copyOf(new LinkedHashSet<>(values));
    }

    public static Condition of(FactField field, Collection<?> values) {
        return new Condition(field, new LinkedHashSet<>(values));
    }

    /** Whether this condition holds for the facts of an item. */
    public boolean holdsFor(RoutingFacts facts) {
        Object value = facts.valueOf(field);
        return value != null && values.contains(value); // as in the rules: a missing fact matches no value
    }

    /**
     * The condition as a DRL constraint, {@code customerClass == CustomerClass.A} or
     * {@code customerClass in (CustomerClass.A, CustomerClass.B)}, the values sorted: the text reviewers read,
     * and the name the served rules give the constraint (RuleModel).
     */
    public String drl() {
        String property = field.property();
        if (values.size() == 1) {
            return property + " == " + literal(values.iterator().next());
        }
        return property + " in (" + values.stream().map(Condition::literal).sorted()
                .collect(Collectors.joining(", ")) + ")";
    }

    private static String literal(Object value) {
        if (value instanceof Enum<?> constant) {
            return constant.getDeclaringClass().getSimpleName() + "." + constant.name();
        }
        if (value instanceof Boolean flag) {
            return flag.toString();
        }
        if (value instanceof String code && PRODUCT_CODE.matcher(code).matches()) {
            return "\"" + code + "\"";
        }
        throw new IllegalArgumentException("not a value a rule may test: " + value);
    }

    /** "Customer class = A, B" in the words of the sheet. */
    public String describe() {
        String shown = values.stream()
                .sorted((a, b) -> a instanceof Enum<?> x && b instanceof Enum<?> y
                        ? Integer.compare(x.ordinal(), y.ordinal()) : String.valueOf(a).compareTo(String.valueOf(b)))
                .map(v -> v instanceof Boolean flag ? (flag ? "yes" : "no") : String.valueOf(v))
                .collect(Collectors.joining(", "));
        return field.label() + " = " + shown;
    }
}
