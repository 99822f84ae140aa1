package com.channelrouter.workitem;

/** The decision stored with an item, as the JSON its caller was answered with. */
public record StoredDecision(String workItemId, String decisionJson) {
}
