package com.channelrouter.web;

/** An id that does not exist, or that the caller may not know exists: answered 404. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String detail) {
        super(detail);
    }
}
