package com.channelrouter.web;

/** A state conflict, such as a repeat of a request that is still being processed: answered 409. */
public class ConflictException extends RuntimeException {

    private final String problemType;
    private final String title;

    public ConflictException(String problemType, String title, String detail) {
        super(detail);
        this.problemType = problemType;
        this.title = title;
    }

    public String problemType() {
        return problemType;
    }

    public String title() {
        return title;
    }
}
