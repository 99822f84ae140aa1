package com.channelrouter.workitem;

/** An item already stored under an external id of its source channel, with the fingerprint of its request. */
public record PriorExternalId(String workItemId, String requestHash, String externalId) {
}
