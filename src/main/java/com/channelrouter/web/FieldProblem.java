package com.channelrouter.web;

import jakarta.validation.ConstraintViolation;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** One offending input field, by its JSON path ("customer.id"), and what was expected of it. */
public record FieldProblem(String field, String message) {

    /** Bean Validation's findings on a request, by field path, in field order (so an answer reads the same every time). */
    public static List<FieldProblem> of(Collection<? extends ConstraintViolation<?>> violations) {
        return violations.stream().map(v -> new FieldProblem(v.getPropertyPath().toString(), v.getMessage()))
                .sorted(Comparator.comparing(FieldProblem::field)).toList();
    }
}
