package com.channelrouter.workitem;

/** An item already stored under an external id or idempotency key, and the fingerprint of its request. */
public record PriorRouting(String workItemId, String requestHash) {
}
