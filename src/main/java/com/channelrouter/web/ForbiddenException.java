package com.channelrouter.web;

/** The caller's key lacks the role or channel for this request: answered 403. */
public class ForbiddenException extends RuntimeException {

    public ForbiddenException(String detail) {
        super(detail);
    }
}
