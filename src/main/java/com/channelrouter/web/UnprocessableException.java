package com.channelrouter.web;

import java.util.List;

/** Well-formed input the domain cannot accept (an ALERT for a prospect, a reused key): answered 422. */
public class UnprocessableException extends RuntimeException {

    private final String problemType;
    private final String title;
    private final List<FieldProblem> errors;

    public UnprocessableException(String problemType, String title, String detail, List<FieldProblem> errors) {
        super(detail);
        this.problemType = problemType;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    public String problemType() {
        return problemType;
    }

    public String title() {
        return title;
    }

    public List<FieldProblem> errors() {
        return errors;
    }
}
