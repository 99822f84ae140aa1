package com.channelrouter.workitem;

import java.time.Instant;

/** A routed item's request and decision as stored, for replaying them against other tables. */
public record StoredRouting(String workItemId, Instant decidedAt, String requestJson, String decisionJson) {
}
