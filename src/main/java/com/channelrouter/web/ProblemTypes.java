package com.channelrouter.web;

import java.net.URI;

/** Stable problem type URIs (RFC 9457): clients may branch on them, so they never change. */
public final class ProblemTypes {

    private static final String BASE = "https://channel-router.dev/problems/";

    public static final String INVALID_REQUEST = "invalid-request";
    public static final String MALFORMED_JSON = "malformed-json";
    public static final String UNROUTABLE_ITEM = "unroutable-item";
    public static final String IDEMPOTENCY_KEY_REUSED = "idempotency-key-reused";
    public static final String REQUEST_IN_FLIGHT = "request-in-flight";
    public static final String UNAUTHENTICATED = "unauthenticated";
    public static final String FORBIDDEN = "forbidden";
    public static final String NOT_FOUND = "not-found";
    public static final String UNAVAILABLE = "service-unavailable";
    public static final String PAYLOAD_TOO_LARGE = "payload-too-large";
    public static final String UNSUPPORTED_MEDIA_TYPE = "unsupported-media-type";
    public static final String INTERNAL = "internal-error";

    private ProblemTypes() {
    }

    public static URI uri(String slug) {
        return URI.create(BASE + slug);
    }
}
