package com.channelrouter.web;

/** The request body is larger than the endpoint accepts: answered 413 before it is read further. */
class PayloadTooLargeException extends RuntimeException {

    public PayloadTooLargeException(String detail) {
        super(detail);
    }
}
