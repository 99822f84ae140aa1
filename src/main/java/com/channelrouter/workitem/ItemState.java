package com.channelrouter.workitem;

import com.channelrouter.domain.Channel;

import java.time.Instant;

/**
 * The changing part of a work item. Each transition returns a new state; the store writes it only if
 * nobody changed the item since it was read (optimistic locking on the row version).
 */
record ItemState(WorkItemStatus status, Channel ownerChannel, Instant claimedAt, Instant dispatchedAt,
                 Instant dispatchDueAt, Instant closedAt, String closeOutcome, int dispatchCycle) {

    /** The owner takes it on; the first claim is the response that the response deadline measures. */
    ItemState claimed(Instant at) {
        return new ItemState(WorkItemStatus.CLAIMED, ownerChannel, claimedAt == null ? at : claimedAt, dispatchedAt,
                dispatchDueAt, closedAt, closeOutcome, dispatchCycle);
    }

    /** Back to the operations centre, waiting for a new dispatch with a new deadline. */
    ItemState returned(Instant newDispatchDueAt) {
        return new ItemState(WorkItemStatus.AWAITING_DISPATCH, Channel.OPERATIONS_CENTER, claimedAt, null, newDispatchDueAt,
                closedAt, closeOutcome, dispatchCycle + 1);
    }

    ItemState dispatched(Channel to, Instant at) {
        return new ItemState(WorkItemStatus.ROUTED, to, claimedAt, at, dispatchDueAt, closedAt, closeOutcome, dispatchCycle);
    }

    ItemState closed(Instant at, String outcome) {
        return new ItemState(WorkItemStatus.CLOSED, ownerChannel, claimedAt, dispatchedAt, dispatchDueAt, at, outcome, dispatchCycle);
    }
}
