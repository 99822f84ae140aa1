package com.channelrouter.workitem;

import com.channelrouter.domain.Channel;

import java.time.Instant;

/**
 * The changing part of a work item. Each transition returns a new state; the store writes it only if
 * nobody changed the item since it was read (optimistic locking on the row version). The dispatch fields
 * are the current dispatch cycle's; {@code dispatchLateBefore} keeps whether an earlier cycle's dispatch was
 * late, since a return starts a new cycle.
 */
record ItemState(WorkItemStatus status, Channel ownerChannel, Instant claimedAt, Instant dispatchedAt,
                 Instant dispatchDueAt, Instant closedAt, String closeOutcome, int dispatchCycle, boolean dispatchLateBefore) {

    /** The owner takes it on; the first claim is the response that the response deadline measures. */
    ItemState claimed(Instant at) {
        return new ItemState(WorkItemStatus.CLAIMED, ownerChannel, claimedAt == null ? at : claimedAt, dispatchedAt,
                dispatchDueAt, closedAt, closeOutcome, dispatchCycle, dispatchLateBefore);
    }

    /** Back to the operations centre, at {@code now}, waiting for a new dispatch with a new deadline. */
    ItemState returned(Instant now, Instant newDispatchDueAt) {
        boolean thisCycleLate = Boolean.FALSE.equals(SlaStatus.met(dispatchDueAt, dispatchedAt, now));
        return new ItemState(WorkItemStatus.AWAITING_DISPATCH, Channel.OPERATIONS_CENTER, claimedAt, null, newDispatchDueAt,
                closedAt, closeOutcome, dispatchCycle + 1, dispatchLateBefore || thisCycleLate);
    }

    ItemState dispatched(Channel to, Instant at) {
        return new ItemState(WorkItemStatus.ROUTED, to, claimedAt, at, dispatchDueAt, closedAt, closeOutcome, dispatchCycle,
                dispatchLateBefore);
    }

    ItemState closed(Instant at, String outcome) {
        return new ItemState(WorkItemStatus.CLOSED, ownerChannel, claimedAt, dispatchedAt, dispatchDueAt, at, outcome, dispatchCycle,
                dispatchLateBefore);
    }
}
