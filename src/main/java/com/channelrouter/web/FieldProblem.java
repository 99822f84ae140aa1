package com.channelrouter.web;

/** One offending input field, by its JSON path ("customer.id"), and what was expected of it. */
public record FieldProblem(String field, String message) {
}
