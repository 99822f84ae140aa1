package com.channelrouter.workitem;

import com.channelrouter.domain.Channel;
import com.channelrouter.domain.ItemType;
import com.channelrouter.domain.SourceChannel;

import java.time.Instant;

/** A work_item row joined with its stored request and decision. */
record WorkItemRecord(String workItemId, ItemType itemType, SourceChannel sourceChannel, String externalId,
                      String customerId, Channel ownerChannel, WorkItemStatus status, boolean secondTransfer,
                      Instant occurredAt, Instant responseDueAt, Instant resolveDueAt, Instant dispatchDueAt,
                      Instant claimedAt, Instant dispatchedAt, Instant closedAt, String requestHash, String createdBy,
                      Instant createdAt, int rowVersion, String requestJson, String decisionJson) {
}
