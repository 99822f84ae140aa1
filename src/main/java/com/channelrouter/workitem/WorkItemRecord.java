package com.channelrouter.workitem;

import com.channelrouter.domain.Channel;
import com.channelrouter.domain.ItemType;
import com.channelrouter.domain.SlaClock;
import com.channelrouter.domain.SourceChannel;

import java.time.Instant;

/** A work_item row joined with its stored request and decision. */
record WorkItemRecord(String workItemId, ItemType itemType, SourceChannel sourceChannel, String externalId,
                      String customerId, Channel ownerChannel, WorkItemStatus status, boolean secondTransfer,
                      Instant occurredAt, Instant responseDueAt, Instant resolveDueAt, Instant dispatchDueAt,
                      Instant claimedAt, Instant dispatchedAt, Instant closedAt, String closeOutcome, SlaClock slaClock,
                      int dispatchMinutes, int dispatchCycle, boolean dispatchLateBefore, String requestHash, String createdBy, Instant createdAt,
                      int rowVersion, String requestJson, String decisionJson, Channel routedTo) {

    ItemIdentity identity() {
        return new ItemIdentity(workItemId, itemType, sourceChannel);
    }

    /** The part of the row a transition changes. */
    ItemState state() {
        return new ItemState(status, ownerChannel, claimedAt, dispatchedAt, dispatchDueAt, closedAt, closeOutcome, dispatchCycle,
                dispatchLateBefore);
    }
}
